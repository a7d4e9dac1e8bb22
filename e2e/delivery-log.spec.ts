import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { startReceiver } from "../tests/helpers/receiver";
import { DEMO, signIn } from "./fixtures";

test("the delivery log shows failed attempts with their response bodies, and Redeliver keeps the webhook-id", async ({
  page,
}) => {
  test.setTimeout(90_000);
  const receiver = await startReceiver();
  receiver.reply(() =>
    receiver.requests.length === 1 ? { status: 500, body: "receiver says nope" } : { status: 200, body: "fine" },
  );
  const name = `Log ${randomUUID().slice(0, 6)}`;
  try {
    await signIn(page, DEMO);
    const api = page.request;
    const projects = (await (await api.get("/api/v1/projects")).json()).data;
    const project = projects
      .flatMap((g: { projects: { id: string; name: string }[] }) => g.projects)
      .find((p: { name: string }) => p.name === "Website Relaunch");
    const board = await (await api.get(`/api/v1/projects/${project.id}/board`)).json();
    await (
      await api.post("/api/v1/webhooks", {
        data: { name, url: `${receiver.url}/log`, events: ["TODO_CREATED"], projectIds: [project.id] },
      })
    ).json();
    await api.post(`/api/v1/projects/${project.id}/todos`, {
      data: { todoListId: board.lists[0].id, title: `Logged ${name}` },
    });
    await expect.poll(() => receiver.requests.length, { timeout: 20_000 }).toBe(2);

    await page.goto("/settings/webhooks");
    await page.getByRole("link", { name, exact: true }).click();
    await expect(page.getByRole("heading", { name })).toBeVisible();
    const row = page.getByTestId("delivery-row").first();
    await expect(row).toContainText("Delivered");
    await expect(row).toContainText("2");
    await row.getByRole("button", { name: "View TODO_CREATED delivery" }).click();
    const panel = page.getByRole("dialog");
    await expect(panel.getByTestId("attempt")).toHaveCount(2);
    await expect(panel.getByTestId("response").first()).toContainText("HTTP 500");
    await expect(panel.getByTestId("response").first()).toContainText("receiver says nope");

    await panel.getByRole("button", { name: "Redeliver" }).click();
    await expect.poll(() => receiver.requests.length, { timeout: 20_000 }).toBe(3);
    expect(receiver.requests[2].headers["webhook-id"]).toBe(receiver.requests[0].headers["webhook-id"]);
    await expect(panel.getByTestId("attempt")).toHaveCount(3, { timeout: 15_000 });
    await expect(panel.getByText("Attempt 3 · manual")).toBeVisible();
    await panel.getByRole("button", { name: "Why (not) delivered?" }).click();
    await expect(page.getByTestId("trace")).toContainText("Delivered to this webhook");
    await page.keyboard.press("Escape");
    await page.keyboard.press("Escape");

    // Events while disabled are skipped; replaying them shows progress and delivers every one.
    const hookId = page.url().split("/").at(-1)!.split("?")[0];
    await api.post(`/api/v1/webhooks/${hookId}/disable`);
    for (const n of [1, 2]) {
      await api.post(`/api/v1/projects/${project.id}/todos`, {
        data: { todoListId: board.lists[0].id, title: `Missed ${n} ${name}` },
      });
    }
    await expect(page.getByTestId("delivery-row").filter({ hasText: "Skipped" })).toHaveCount(2, { timeout: 15_000 });
    expect((await api.post(`/api/v1/webhooks/${hookId}/enable`)).status()).toBe(200);
    await page.getByRole("button", { name: "Replay skipped and failed deliveries of the last 24 hours" }).click();
    await expect(page.getByText(/Replay finished Replay: 2 of 2 delivered/)).toBeVisible({ timeout: 20_000 });
    await expect(page.getByTestId("delivery-row").filter({ hasText: "Skipped" })).toHaveCount(0, { timeout: 15_000 });
    await expect(page.getByRole("img", { name: /delivered and \d+ failed attempts/ })).toHaveAttribute(
      "aria-label",
      /^[1-9]\d* delivered and 1 failed/,
    );
  } finally {
    await receiver.close();
  }
});
