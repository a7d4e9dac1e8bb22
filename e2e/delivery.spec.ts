import { randomUUID } from "node:crypto";
import { expect, test } from "./fixtures";

test("a change on the board reaches a local receiver; a broken receiver turns the webhook red and disables it; its page explains why and re-enables it", async ({
  page,
  workspace,
  receiver,
}) => {
  test.setTimeout(90_000);
  const name = `Local receiver ${randomUUID().slice(0, 6)}`;
  const project = new RegExp(workspace.project);
  await page.goto("/settings/webhooks/new");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("URL").fill(`${receiver.url}/blue`);
  await page.getByRole("radio", { name: "Let me choose" }).nth(1).check();
  await page.getByRole("checkbox", { name: workspace.project }).check();
  await page.getByRole("button", { name: "Create webhook" }).click();
  await page
    .getByRole("dialog", { name: "Your signing secret" })
    .getByRole("button", { name: "I have saved it" })
    .click();
  const row = page.getByRole("row").filter({ hasText: name });
  await expect(row.getByTestId("health-badge")).toHaveText("No deliveries yet");

  const title = `Delivered ${randomUUID().slice(0, 6)}`;
  await page.goto("/projects");
  await page.getByRole("link", { name: project }).click();
  const todo = page.getByRole("region", { name: "To do" });
  await todo.getByLabel("New record in To do").fill(title);
  await todo.getByRole("button", { name: "Add record" }).click();
  await expect
    .poll(() => receiver.requests.map((r) => JSON.parse(r.body)).find((b) => b.currentValue?.title === title)?.event, {
      timeout: 20_000,
    })
    .toBe("TODO_CREATED");
  const delivered = receiver.requests.find((r) => r.body.includes(title))!;
  expect(delivered.headers["x-signature"]).toMatch(/^[0-9a-f]{64}$/);
  expect(delivered.headers["webhook-signature"]).toMatch(/^v1,/);

  await page.goto("/settings/webhooks");
  await expect(row.getByTestId("health-badge")).toHaveText("Healthy");

  receiver.reply({ status: 500, body: "broken" });
  const before = receiver.requests.length;
  await page.goto("/projects");
  await page.getByRole("link", { name: project }).click();
  await todo.getByLabel("New record in To do").fill(`${title} (broken)`);
  await todo.getByRole("button", { name: "Add record" }).click();
  await expect.poll(() => receiver.requests.length - before, { timeout: 30_000 }).toBe(5);

  await page.goto("/settings/webhooks");
  await expect(row.getByTestId("health-badge")).toHaveText("Unhealthy", { timeout: 20_000 });
  await expect(row.getByRole("switch", { name: `Deliveries to ${name}` })).not.toBeChecked();

  // The list names it; its page says why and what happens meanwhile, explains the health states, and turns it on
  // again once the receiver works (after a health check).
  await page
    .getByRole("region", { name: /turned off because deliveries kept failing/ })
    .getByRole("link", { name: `“${name}”: see why and turn it on again` })
    .click();
  const banner = page.getByRole("region", { name: "This webhook is turned off" });
  await expect(banner).toContainText("We turned it off");
  await expect(banner).toContainText("All 5 attempts to deliver “Record created” failed.");
  await expect(banner).toContainText("new events are kept as “Skipped”");
  await page.getByText("What the health states mean").click();
  await expect(page.getByText("If all 5 attempts fail, the webhook is turned off")).toBeVisible();
  receiver.reply({ status: 200, body: "ok" });
  await banner.getByRole("button", { name: "Fix and re-enable" }).click();
  await expect(page.getByText("Your server answered: the webhook is on again.")).toBeVisible();
  await expect(banner).toBeHidden();
});
