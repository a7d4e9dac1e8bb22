import { expect, test } from "@playwright/test";
import { DEMO, newAccount, signIn } from "./fixtures";

test("sign up, sign out, sign in, create an API token, call /me with it, revoke it", async ({
  page,
  playwright,
  baseURL,
}) => {
  const account = newAccount("tokens");

  await page.goto("/projects");
  await expect(page).toHaveURL(/\/sign-in$/);

  await page.getByRole("link", { name: "Create one" }).click();
  await page.getByLabel("Name").fill(account.name);
  await page.getByLabel("E-mail").fill(account.email);
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("“Password” needs at least 10 characters.")).toBeVisible();
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Get started" })).toBeVisible();
  await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Projects" }).click();
  await expect(page.getByText("You are not a member of any project yet.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Start here" })).toHaveAttribute("href", "/start");
  await expect(page.getByText(`Signed in as ${account.name}`)).toBeVisible();

  await page.getByRole("link", { name: "Sign out" }).click();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByText("You have been signed out.")).toBeVisible();

  await page.getByLabel("E-mail").fill(account.email);
  await page.getByLabel("Password").fill("not-my-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(
    page.getByRole("alert").filter({ hasText: "The e-mail address or password is incorrect" }),
  ).toBeVisible();

  await signIn(page, account);
  await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "API tokens" }).click();
  await expect(page.getByText("You have no API tokens yet.")).toBeVisible();
  await page.getByLabel("Token name").fill("e2e script");
  await page.getByRole("button", { name: "Create token" }).click();
  const token = (await page.getByTestId("new-token").textContent())?.trim() ?? "";
  expect(token).toMatch(/^bwt_/);
  await expect(page.getByRole("cell", { name: "e2e script", exact: true })).toBeVisible();
  await expect(page.getByRole("cell", { name: `${token.slice(0, 12)}…` })).toBeVisible();

  const api = await playwright.request.newContext({ baseURL });
  const me = await api.get("/api/v1/me", { headers: { authorization: `Bearer ${token}` } });
  expect(me.status()).toBe(200);
  expect(await me.json()).toMatchObject({ email: account.email, authenticatedBy: "api_token" });

  await page.getByRole("button", { name: "Revoke e2e script" }).click();
  await page.getByRole("dialog", { name: "Revoke this API token?" }).getByRole("button", { name: "Revoke" }).click();
  await expect(page.getByText("You have no API tokens yet.")).toBeVisible();
  const after = await api.get("/api/v1/me", { headers: { authorization: `Bearer ${token}` } });
  expect(after.status()).toBe(401);
  expect((await after.json()).error.message).toBe("The API token has been revoked");
  await api.dispose();

  await page.getByRole("link", { name: "Sign out" }).click();
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.goto("/settings/api-tokens");
  await expect(page).toHaveURL(/\/sign-in$/);
});

test("the demo user sees projects from both companies", async ({ page }) => {
  await signIn(page, DEMO);
  for (const name of ["Acme Corp", "Globex Logistics"]) {
    await expect(page.getByRole("heading", { name })).toBeVisible();
  }
  await expect(page.getByText("Fleet Tracking")).toBeVisible();
  await expect(page.getByText("Customer Support")).toHaveCount(0);
});
