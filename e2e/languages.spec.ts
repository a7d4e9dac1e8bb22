// The app's language: from the browser's Accept-Language, switchable in the header, remembered on
// the account (another browser with no cookie follows it).
import { expect, test } from "@playwright/test";
import { expectData, newAccount } from "./fixtures";

test("a Swedish browser gets the app in Swedish, with lang=sv", async ({ browser, baseURL }) => {
  // Chromium sends the context's locale as Accept-Language ("sv-SE,sv;q=0.9").
  const context = await browser.newContext({ baseURL, locale: "sv-SE" });
  const page = await context.newPage();
  const answer = await page.goto("/sign-in");
  expect(await answer?.request().headerValue("accept-language")).toMatch(/^sv/);
  await expect(page.getByRole("heading", { name: "Logga in" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "sv");
  await expect(page.getByLabel("Lösenord")).toBeVisible();
  await context.close();
});

test("switching to Spanish translates the app, sets lang=es and is remembered for the account", async ({
  page,
  browser,
  baseURL,
}) => {
  const account = newAccount("idioma");
  await expectData(await page.request.post("/api/v1/auth/sign-up", { data: account }), 201);
  await page.goto("/settings/webhooks");
  await expect(page.getByRole("heading", { name: "Webhooks", level: 1 })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");

  await page.getByLabel("Language").selectOption({ label: "Español" });
  await expect(page.getByRole("heading", { name: "Aún no hay webhooks" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await expect(page.getByRole("navigation", { name: "Navegación principal" })).toContainText("Proyectos");

  await page.goto("/event-types");
  await expect(page.getByRole("heading", { name: "Catálogo de eventos" })).toBeVisible();
  await expect(page.getByText("Registro creado", { exact: true })).toBeVisible();

  // Another browser, English by its header and without the cookie: signing in brings Spanish back.
  const other = await browser.newContext({ baseURL, locale: "en-US" });
  const second = await other.newPage();
  await second.goto("/sign-in");
  await expect(second.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await second.getByLabel("E-mail").fill(account.email);
  await second.getByLabel("Password").fill(account.password);
  await second.getByRole("button", { name: "Sign in" }).click();
  await expect(second.getByRole("heading", { name: "Proyectos", level: 1 })).toBeVisible();
  await expect(second.locator("html")).toHaveAttribute("lang", "es");
  await other.close();
});
