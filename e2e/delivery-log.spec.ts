import { randomUUID } from "node:crypto";
import { startReceiver } from "../tests/helpers/receiver";
import { expect, test } from "./fixtures";

test("the delivery log shows failed attempts with their response bodies, and Redeliver keeps the webhook-id", async ({
  page,
  account,
  workspace,
}) => {
  test.setTimeout(90_000);
  const receiver = await startReceiver({ status: 500, body: "receiver says nope" });
  const name = `Log ${randomUUID().slice(0, 6)}`;
  try {
    const api = account.api;
    const project = { id: workspace.projectId, name: workspace.project };
    await api.post("/api/v1/webhooks", {
      data: { name, url: `${receiver.url}/log`, events: ["TODO_CREATED", "COMMENT_CREATED"], projectIds: [project.id] },
    });
    await api.post(`/api/v1/projects/${project.id}/todos`, {
      data: { todoListId: workspace.listId, title: `Logged ${name}` },
    });

    await page.goto("/settings/webhooks");
    await page.getByRole("link", { name, exact: true }).click();
    await expect(page.getByRole("heading", { name })).toBeVisible();
    // Found by its record: health checks and tests add rows above it.
    const row = page.getByTestId("delivery-row").filter({ hasText: `Logged ${name}` });
    await expect(row).toContainText("Failed", { timeout: 30_000 });
    await expect(row).toContainText(`Logged ${name}`);
    await expect(row).toContainText(project.name);
    await expect(row.getByRole("button", { name: "View Record created delivery" })).toHaveText("Record created");
    await expect(page.getByTestId("configured-events")).toHaveText(
      "Record createdTODO_CREATEDComment addedCOMMENT_CREATED",
    );
    await expect(page.getByTestId("configured-projects")).toHaveText(project.name);
    await expect(page.getByTestId("health-state")).toHaveText("Unhealthy");
    const projectFilter = page.getByRole("combobox", { name: "Project" });
    await projectFilter.fill(project.name);
    await page.getByRole("listbox", { name: "Project" }).getByRole("option", { name: project.name }).click();
    await page.getByLabel("Status", { exact: true }).selectOption({ label: "Failed" });
    await expect(page).toHaveURL(
      new RegExp(`projectId=${project.id}.*status=FAILED|status=FAILED.*projectId=${project.id}`),
    );
    await expect(row).toContainText(`Logged ${name}`);
    await page.getByLabel("Status", { exact: true }).selectOption({ label: "Delivered" });
    await expect(page.getByTestId("delivery-row")).toHaveCount(0);
    await page.getByLabel("Status", { exact: true }).selectOption({ label: "All statuses" });
    await row.getByRole("button", { name: "View Record created delivery" }).click();
    const panel = page.getByRole("dialog");
    await expect(panel.getByTestId("attempt")).toHaveCount(5);
    await expect(panel.getByTestId("response").first()).toContainText("HTTP 500");
    await expect(panel.getByTestId("response").first()).toContainText("receiver says nope");
    await expect(panel.getByTestId("attempt-outcome").first()).toHaveText(
      /^Your server answered 500 — an error on the server’s side\./,
    );
    await page.keyboard.press("Escape");

    // Re-enabling while the receiver still fails is refused: the switch shows the server's "off".
    const enabledSwitch = page.getByRole("switch", { name: "Deliveries enabled" });
    await expect(enabledSwitch).not.toBeChecked();
    await enabledSwitch.click();
    await expect(page.getByTestId("action-error")).toContainText("stays disabled");
    await expect(enabledSwitch).toBeEnabled();
    await expect(enabledSwitch).not.toBeChecked();

    // The receiver recovers: enabling passes the health check, and Redeliver turns the row green.
    receiver.reply({ status: 200, body: "fine" });
    await page.getByRole("switch", { name: "Deliveries enabled" }).check();
    await expect(page.getByTestId("health-state")).toHaveText("Healthy");
    await row.getByRole("button", { name: "View Record created delivery" }).click();
    await panel.getByRole("button", { name: "Redeliver" }).click();
    await expect(row).toContainText("Delivered", { timeout: 20_000 });
    const events = receiver.requests
      .map((r) => JSON.parse(r.body))
      .map((b, i) => ({ event: b.event, id: receiver.requests[i].headers["webhook-id"] }));
    const todoCreated = events.filter((e) => e.event === "TODO_CREATED");
    expect(todoCreated).toHaveLength(6);
    expect(new Set(todoCreated.map((e) => e.id)).size).toBe(1);
    await expect(panel.getByTestId("attempt")).toHaveCount(6, { timeout: 15_000 });
    await expect(panel.getByText("Attempt 6 · sent again by you")).toBeVisible();
    await panel.getByRole("button", { name: "Why (not) delivered?" }).click();
    await expect(page.getByTestId("trace")).toContainText("Delivered to this webhook");
    await page.keyboard.press("Escape");
    await page.keyboard.press("Escape");

    // Events while disabled are skipped; replaying them shows progress and delivers every one.
    const hookId = page.url().split("/").at(-1)!.split("?")[0];
    await api.post(`/api/v1/webhooks/${hookId}/disable`);
    for (const n of [1, 2]) {
      await api.post(`/api/v1/projects/${project.id}/todos`, {
        data: { todoListId: workspace.listId, title: `Missed ${n} ${name}` },
      });
    }
    await expect(page.getByTestId("delivery-row").filter({ hasText: "Skipped" })).toHaveCount(2, { timeout: 15_000 });
    expect((await api.post(`/api/v1/webhooks/${hookId}/enable`)).status()).toBe(200);
    await page.getByLabel("Replay deliveries from").selectOption({ label: "Last hour" });
    await page.getByRole("button", { name: "Replay skipped and failed deliveries" }).click();
    await expect(page.getByText(/Replay finished Replay: 2 of 2 delivered/)).toBeVisible({ timeout: 20_000 });
    await expect(page.getByTestId("delivery-row").filter({ hasText: "Skipped" })).toHaveCount(0, { timeout: 15_000 });
    await expect(page.getByRole("img", { name: /delivered and \d+ failed attempts/ })).toHaveAttribute(
      "aria-label",
      // The record's 5 failed attempts and the refused health check.
      /^[1-9]\d* delivered and 6 failed/,
    );

    // A test delivery is labelled as one, without empty project and record cells.
    await projectFilter.click();
    await page.getByRole("listbox", { name: "Project" }).getByRole("option", { name: "All projects" }).click();
    await page.getByLabel("Test event").selectOption({ label: "Comment added" });
    await page.getByRole("button", { name: "Send test", exact: true }).click();
    const testRow = page.getByTestId("delivery-row").filter({ hasText: "A test you sent" });
    await expect(testRow).toHaveCount(1, { timeout: 15_000 });
    await expect(testRow.getByTestId("delivery-kind")).toHaveText("Test");
    await expect(testRow.getByRole("button", { name: "View Comment added delivery" })).toBeVisible();
    await expect(testRow).toContainText("A test you sent — not from a project or record");
    await expect(testRow.getByRole("cell")).toHaveCount(6);
  } finally {
    await receiver.close();
  }
});
