import { randomUUID } from "node:crypto";
import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./fixtures";

/** Press Tab until `target` has focus (fails if it is not reachable within `max` presses). */
async function tabTo(page: Page, target: Locator, max = 80) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`not reachable with Tab: ${target}`);
}

test("a webhook can be created with the keyboard alone", async ({ page, account: _ }) => {
  const name = `Keyboard ${randomUUID().slice(0, 6)}`;
  await page.goto("/settings/webhooks/new");
  await tabTo(page, page.getByLabel("Name"));
  await page.keyboard.type(name);
  await tabTo(page, page.getByLabel("URL"));
  await page.keyboard.type("http://127.0.0.1:9/keyboard");

  await tabTo(page, page.getByRole("radio", { name: "All events (including new ones we add)" }));
  await page.keyboard.press("ArrowDown");
  await expect(page.getByRole("radio", { name: "Let me choose" }).first()).toBeChecked();
  await tabTo(page, page.getByRole("checkbox", { name: /^Comment added/ }));
  await page.keyboard.press("Space");
  await expect(page.getByRole("checkbox", { name: /^Comment added/ })).toBeChecked();

  await tabTo(page, page.getByRole("button", { name: "Create webhook" }));
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: "Your signing secret" });
  await expect(dialog).toBeVisible();
  await tabTo(page, dialog.getByRole("button", { name: "I have saved it" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("row").filter({ hasText: name })).toContainText("Comment added");
});
