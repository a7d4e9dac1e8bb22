// A newcomer finds the webhook guide from the empty list and from the form; a webhook whose
// receiver starts failing warns its creator in the notices before anything is turned off.
import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { startReceiver } from "../tests/helpers/receiver";
import { apiRecord, apiWorkspace, expectData, newAccount } from "./fixtures";
import { axeFindings } from "./page-checks";

test("the guide is linked from the empty webhook list and the form, and reads without axe violations", async ({
  page,
}) => {
  await expectData(await page.request.post("/api/v1/auth/sign-up", { data: newAccount("guide") }), 201);
  await page.goto("/settings/webhooks");
  await page.getByRole("link", { name: "New to webhooks? Read the short guide" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Webhooks: a short guide" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "What your server must do" })).toBeVisible();
  await expect(page.getByText(/within \d+ seconds?\./)).toBeVisible();
  await expect(page.getByRole("region", { name: "Example in Node.js" })).toContainText("function verifyWebhook");
  await expect(page.getByRole("button", { name: "Copy the PHP example" })).toBeVisible();
  expect(await axeFindings(page)).toEqual([]);

  await page.getByRole("link", { name: "Create a webhook" }).click();
  await expect(page).toHaveURL(/\/settings\/webhooks\/new$/);
  await page.getByRole("link", { name: "New to webhooks? Read the short guide" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Webhooks: a short guide" })).toBeVisible();

  // On a phone the code boxes scroll inside themselves; the page does not.
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByRole("region", { name: "Example in PHP" })).toBeVisible();
  const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, screen: window.innerWidth }));
  expect(widths.page).toBeLessThanOrEqual(widths.screen);
});

test("a failing receiver warns in the notices, in the creator's language, before the webhook is turned off", async ({
  page,
}) => {
  const receiver = await startReceiver({ status: 500, body: "down" });
  try {
    const api = page.request;
    await expectData(await api.post("/api/v1/auth/sign-up", { data: newAccount("warned") }), 201);
    const suffix = randomUUID().slice(0, 6);
    const ws = await apiWorkspace(api, { company: `Warned ${suffix}`, project: `Shop ${suffix}` });
    const name = `Orders ${suffix}`;
    await expectData(
      await api.post("/api/v1/webhooks", {
        data: {
          name,
          url: `${receiver.url}/orders`,
          events: ["TODO_CREATED"],
          projectIds: [ws.projectId],
          disablePolicy: { type: "exhausted", count: 3 },
        },
      }),
      201,
    );
    await expectData(await api.patch("/api/v1/me", { data: { locale: "es" } }));
    await apiRecord(api, ws.projectId, ws.listId, "First order");
    await receiver.waitFor(1);

    await page.goto("/notices");
    const warning = page.getByRole("listitem", { name: `Los envíos a «${name}» están fallando` });
    await expect(warning).toContainText("lo intentaremos de nuevo unas cuantas veces", { timeout: 20_000 });
    await expect(page.getByRole("link", { name: /1 sin leer/ })).toBeVisible();
  } finally {
    await receiver.close();
  }
});
