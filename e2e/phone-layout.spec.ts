// Every page at a phone's size (390×844, and 360×740 for the width): nothing wider than
// the screen, the header's menu reaches every page and Sign out, the list's actions and the attempt
// dialog's buttons are on screen.
import { randomUUID } from "node:crypto";
import { expect, type Locator, type Page, test } from "@playwright/test";
import { startReceiver } from "../tests/helpers/receiver";
import { apiRecord, apiWorkspace, expectData, newAccount } from "./fixtures";
import { expectNoHorizontalScrollOnPhones, PHONES } from "./page-checks";

test.use({ viewport: PHONES[0] });

/** Visible and within the screen's width, at each of `PHONES` (left at the first). */
async function expectOnScreen(page: Page, locator: Locator) {
  for (const size of [...PHONES].reverse()) {
    await page.setViewportSize(size);
    await expect(locator).toBeVisible();
    await locator.scrollIntoViewIfNeeded();
    const box = await locator.boundingBox();
    expect(box).not.toBeNull();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width, `at ${size.width} px`).toBeLessThanOrEqual(size.width);
  }
}

test("every page fits a phone, and the header menu reaches every page and Sign out", async ({ page }) => {
  test.setTimeout(120_000);
  const receiver = await startReceiver({ status: 200, body: "ok" });
  try {
    const account = newAccount("phone");
    const api = page.request;
    await expectData(await api.post("/api/v1/auth/sign-up", { data: account }), 201);
    const suffix = randomUUID().slice(0, 6);
    const { companyId, projectId, listId } = await apiWorkspace(api, {
      company: `Phone Company ${suffix}`,
      project: `Phone Project ${suffix}`,
    });
    const webhookName = `Phone hook ${suffix}`;
    const webhook = await api.post("/api/v1/webhooks", {
      data: { name: webhookName, url: `${receiver.url}/phone`, events: ["TODO_CREATED"], projectIds: [projectId] },
    });
    expect(webhook.status(), await webhook.text()).toBe(201);
    const webhookId = ((await webhook.json()) as { id: string }).id;
    await apiRecord(api, projectId, listId, `A record with a rather long title to wrap ${suffix}`);
    await api.post("/api/v1/api-tokens", { data: { name: `Phone token ${suffix}` } });

    const pages: { path: string; ready: (p: Page) => Locator }[] = [
      { path: "/projects", ready: (p) => p.getByRole("link", { name: new RegExp(`Phone Project ${suffix}`) }) },
      { path: "/start", ready: (p) => p.getByRole("heading", { name: "Get started" }) },
      { path: "/companies", ready: (p) => p.getByRole("link", { name: new RegExp(`Phone Company ${suffix}`) }) },
      { path: `/companies/${companyId}`, ready: (p) => p.getByRole("heading", { name: "Invitations" }) },
      { path: `/projects/${projectId}`, ready: (p) => p.getByText(`A record with a rather long title to wrap`) },
      { path: "/settings/webhooks", ready: (p) => p.getByRole("link", { name: webhookName, exact: true }) },
      { path: "/settings/webhooks/new", ready: (p) => p.getByRole("heading", { name: "New webhook" }) },
      { path: `/settings/webhooks/${webhookId}`, ready: (p) => p.getByTestId("delivery-row").first() },
      { path: `/settings/webhooks/${webhookId}/edit`, ready: (p) => p.getByLabel("Name", { exact: true }) },
      { path: "/event-types", ready: (p) => p.getByText("Record created").first() },
      { path: "/settings/api-tokens", ready: (p) => p.getByText(`Phone token ${suffix}`) },
      { path: "/settings/security", ready: (p) => p.getByText("This device") },
      { path: "/notices", ready: (p) => p.getByRole("heading", { name: "Notices" }) },
      { path: "/help/webhooks", ready: (p) => p.getByRole("heading", { name: "Webhooks: a short guide" }) },
      { path: "/docs/api", ready: (p) => p.getByRole("heading", { name: "REST API", level: 1 }) },
      { path: "/sign-out", ready: (p) => p.getByRole("button", { name: "Sign out" }) },
    ];
    for (const { path, ready } of pages) {
      await page.goto(path);
      await expect(ready(page), path).toBeVisible({ timeout: 20_000 });
      await test.step(path, () => expectNoHorizontalScrollOnPhones(page, path));
    }

    // The form with both pickers open.
    await page.goto("/settings/webhooks/new");
    for (const choose of await page.getByRole("radio", { name: "Let me choose" }).all()) await choose.check();
    await expect(page.getByRole("checkbox", { name: /Record created/ }).first()).toBeVisible();
    await expect(page.getByRole("checkbox", { name: new RegExp(`Phone Project ${suffix}`) })).toBeVisible();
    await expectNoHorizontalScrollOnPhones(page, "form with both pickers open");

    // The list's actions are on screen.
    await page.goto("/settings/webhooks");
    for (const action of ["Edit", "Send test", "Rotate secret", "Delete"]) {
      await expectOnScreen(
        page,
        page
          .getByRole("button", { name: `${action} ${webhookName}` })
          .or(page.getByRole("link", { name: `${action} ${webhookName}` })),
      );
    }

    // The attempt dialog fits, with its buttons on screen.
    await page.goto(`/settings/webhooks/${webhookId}`);
    await page.getByTestId("delivery-row").first().getByRole("button").first().click();
    const dialog = page.getByRole("dialog");
    await expect(dialog.getByTestId("attempt").first()).toBeVisible();
    await expectOnScreen(page, dialog.getByRole("button", { name: "Redeliver" }));
    await expectOnScreen(page, dialog.getByRole("button", { name: "Close" }));
    await expectNoHorizontalScrollOnPhones(page, "attempt dialog");
    await dialog.getByRole("button", { name: "Close" }).click();

    // The header collapses into a menu that reaches every page and Sign out.
    const menu = page.getByRole("button", { name: "Menu" });
    await expectOnScreen(page, menu);
    await expect(page.getByRole("navigation", { name: "Main navigation" })).toBeHidden();
    await menu.click();
    const nav = page.getByRole("navigation", { name: "Main navigation" });
    for (const link of ["Projects", "Companies", "Webhooks", "Event catalog", "API tokens", "Security", "API docs"]) {
      await expectOnScreen(page, nav.getByRole("link", { name: link, exact: true }));
    }
    await nav.getByRole("link", { name: "API tokens" }).click();
    await expect(page.getByRole("heading", { name: "API tokens", level: 1 })).toBeVisible();
    await expect(nav).toBeHidden();
    await menu.click();
    await expectOnScreen(page, page.getByRole("link", { name: "Sign out" }));
    await page.getByRole("link", { name: "Sign out" }).click();
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
    await expectNoHorizontalScrollOnPhones(page, "sign-in after signing out");
    await page.goto("/sign-up");
    await expect(page.getByRole("button", { name: "Create account" })).toBeVisible();
    await expectNoHorizontalScrollOnPhones(page, "/sign-up");
    await page.goto("/invite/not-a-real-token");
    await expect(page.getByText("This invitation link is not valid.")).toBeVisible();
    await expectNoHorizontalScrollOnPhones(page, "/invite/{token}");
  } finally {
    await receiver.close();
  }
});
