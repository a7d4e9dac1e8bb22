import { type BrowserContext, expect, type PlaywrightWorkerArgs, test } from "@playwright/test";
import { newAccount, signIn } from "./fixtures";

const SESSION_COOKIE = "authjs.session-token";

async function sessionCookieOf(context: BrowserContext): Promise<string> {
  const cookie = (await context.cookies()).find((c) => c.name === SESSION_COOKIE);
  if (!cookie) throw new Error("no session cookie in the browser");
  return cookie.value;
}

/** A new account, made through the API from a client of its own (its session is not the browser's). */
async function createAccount(playwright: PlaywrightWorkerArgs["playwright"], baseURL: string | undefined) {
  const account = newAccount("sessions");
  const api = await playwright.request.newContext({ baseURL });
  const res = await api.post("/api/v1/auth/sign-up", { data: account });
  expect(res.status()).toBe(201);
  await api.post("/api/v1/auth/sign-out");
  await api.dispose();
  return account;
}

test("a cookie copied before signing out is refused afterwards, by the API and by pages", async ({
  page,
  browser,
  playwright,
  baseURL,
}) => {
  const account = await createAccount(playwright, baseURL);
  await signIn(page, account);
  const copied = await sessionCookieOf(page.context());

  const stolen = await playwright.request.newContext({
    baseURL,
    extraHTTPHeaders: { cookie: `${SESSION_COOKIE}=${copied}` },
  });
  expect((await stolen.get("/api/v1/me")).status()).toBe(200);

  await page.getByRole("link", { name: "Sign out" }).click();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByText("You have been signed out.")).toBeVisible();

  const me = await stolen.get("/api/v1/me");
  expect(me.status()).toBe(401);
  expect((await me.json()).error.message).toBe("This session has ended (signed out or expired); sign in again");
  expect((await stolen.post("/api/v1/api-tokens", { data: { name: "stolen" } })).status()).toBe(401);
  await stolen.dispose();

  const replay = await browser.newContext({ baseURL });
  await replay.addCookies([{ name: SESSION_COOKIE, value: copied, url: baseURL as string }]);
  const replayPage = await replay.newPage();
  await replayPage.goto("/projects");
  await expect(replayPage).toHaveURL(/\/sign-in$/);
  await replay.close();
});

test("the security page lists sessions, ends another device's, and signs out everywhere", async ({
  page,
  browser,
  playwright,
  baseURL,
}) => {
  const account = await createAccount(playwright, baseURL);
  const laptop = await browser.newContext({ baseURL });
  const laptopPage = await laptop.newPage();
  await signIn(laptopPage, account);
  await signIn(page, account);

  await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Security" }).click();
  await expect(page.getByRole("heading", { name: "Where you are signed in" })).toBeVisible();
  const rows = page.getByRole("row").filter({ has: page.getByRole("button", { name: /^End session/ }) });
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: "This device" })).toHaveCount(1);

  await rows
    .filter({ hasNotText: "This device" })
    .getByRole("button", { name: /^End session/ })
    .click();
  await page.getByRole("dialog", { name: "End this session?" }).getByRole("button", { name: "End session" }).click();
  await expect(rows).toHaveCount(1);
  expect((await laptopPage.request.get("/api/v1/me")).status()).toBe(401);
  await laptopPage.goto("/settings/security");
  await expect(laptopPage).toHaveURL(/\/sign-in$/);
  await laptop.close();

  await page.getByRole("button", { name: "Sign out everywhere" }).click();
  await page
    .getByRole("dialog", { name: "Sign out everywhere?" })
    .getByRole("button", { name: "Sign out everywhere" })
    .click();
  await expect(page.getByText("You have been signed out.")).toBeVisible();
  expect((await page.request.get("/api/v1/me")).status()).toBe(401);
});

test("sign-in's next parameter only leads to paths on this site", async ({ page, playwright, baseURL }) => {
  const account = await createAccount(playwright, baseURL);
  await signIn(page, account);
  for (const next of ["%2F%09%2Fevil.example", "%2F%5Cevil.example", "%2F..%2F%2Fevil.example"]) {
    await page.goto(`/sign-in?next=${next}`);
    await expect(page).toHaveURL(/\/projects$/);
  }
  const newline = await page.request.get("/sign-in?next=%2F%0A%2Fevil.example", { maxRedirects: 0 });
  expect(newline.status()).toBe(307);
  expect(new URL(newline.headers().location, baseURL).href).toBe(new URL("/projects", baseURL).href);
});
