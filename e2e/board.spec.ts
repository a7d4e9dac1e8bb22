import { randomUUID } from "node:crypto";
import { expect, expectCreated, test } from "./fixtures";

test("create a record on the board, move it to another list, complete it and comment", async ({
  page,
  account,
  workspace,
}) => {
  const title = `E2E record ${randomUUID().slice(0, 6)}`;
  await expectCreated(
    account.api.post(`/api/v1/projects/${workspace.projectId}/lists`, { data: { title: "In progress" } }),
  );
  await page.goto("/projects");
  await page.getByRole("link", { name: new RegExp(workspace.project) }).click();

  const todo = page.getByRole("region", { name: "To do" });
  const inProgress = page.getByRole("region", { name: "In progress" });
  await todo.getByLabel("New record in To do").fill(title);
  await todo.getByRole("button", { name: "Add record" }).click();
  await expect(todo.getByRole("button", { name: `Open ${title}` })).toBeVisible();

  await todo.getByLabel(`Move ${title} to`).selectOption({ label: "In progress" });
  await expect(inProgress.getByRole("button", { name: `Open ${title}` })).toBeVisible();
  await expect(todo.getByRole("button", { name: `Open ${title}` })).toHaveCount(0);

  await inProgress.getByRole("button", { name: `Open ${title}` }).click();
  const panel = page.getByRole("dialog", { name: title });
  await panel.getByRole("checkbox", { name: "Done" }).check();
  await expect(panel.getByRole("checkbox", { name: "Done" })).toBeChecked();
  await panel.getByLabel("Write a comment").fill("Moved and done from the e2e test");
  await panel.getByRole("button", { name: "Add comment" }).click();
  await expect(panel.getByText("Moved and done from the e2e test")).toBeVisible();
  await panel.getByRole("button", { name: "Close" }).click();
  const card = inProgress.getByTestId("todo-card").filter({ hasText: title });
  await expect(card.locator("span", { hasText: /^Done$/ })).toBeVisible();

  await page.reload();
  await expect(
    page.getByRole("region", { name: "In progress" }).getByRole("button", { name: `Open ${title}` }),
  ).toBeVisible();
});
