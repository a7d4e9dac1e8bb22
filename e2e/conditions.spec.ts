// Conditions as a non-technical person builds them: "a record moved into Done that is tagged
// Urgent", previewed against the project's real recent events, saved, then checked on the board
// with a real receiver: only the matching move arrives, and the others say why they were not sent.
import { randomUUID } from "node:crypto";
import { type APIRequestContext, expect, type Locator, type Page, test } from "@playwright/test";
import { startReceiver } from "../tests/helpers/receiver";
import { apiRecord, apiWorkspace, expectData, newAccount } from "./fixtures";
import { axeFindings, expectNoHorizontalScroll } from "./page-checks";

type Board = { projectId: string; project: string; todo: string; done: string; review: string; urgent: string };

/** A new account with its own project: lists To do, Done and Review, and the tag Urgent. */
async function workspace(api: APIRequestContext, page: Page) {
  const account = newAccount("conditions");
  await expectData(await api.post("/api/v1/auth/sign-up", { data: account }), 201);
  const suffix = randomUUID().slice(0, 6);
  const project = `Launch Plan ${suffix}`;
  const { projectId, listId } = await apiWorkspace(api, { company: `Conditions Co ${suffix}`, project });
  const list = async (title: string) => {
    const res = await api.post(`/api/v1/projects/${projectId}/lists`, { data: { title } });
    expect(res.status(), await res.text()).toBe(201);
    return ((await res.json()) as { id: string }).id;
  };
  const done = await list("Done");
  const review = await list("Review");
  const tag = await api.post(`/api/v1/projects/${projectId}/tags`, { data: { title: "Urgent", color: "#e5484d" } });
  expect(tag.status(), await tag.text()).toBe(201);
  const urgent = ((await tag.json()) as { id: string }).id;
  // Signed up through the page's own request context: the browser is signed in as this account.
  await page.goto("/projects");
  await expect(page.getByRole("link", { name: new RegExp(project) })).toBeVisible();
  return { account, board: { projectId, project, todo: listId, done, review, urgent } satisfies Board };
}

async function record(api: APIRequestContext, board: Board, title: string, tagged: boolean) {
  const id = await apiRecord(api, board.projectId, board.todo, title);
  if (tagged) {
    const res = await api.patch(`/api/v1/todos/${id}`, { data: { tagIds: [board.urgent] } });
    expect(res.status(), await res.text()).toBe(200);
  }
  return id;
}

async function move(api: APIRequestContext, todoId: string, todoListId: string) {
  const res = await api.post(`/api/v1/todos/${todoId}/move`, { data: { todoListId } });
  expect(res.status(), await res.text()).toBe(200);
}

/** The webhook's outcome for a record's latest move, once the fan-out has recorded it. */
async function moveOutcome(api: APIRequestContext, todoId: string, webhookName: string) {
  const events = await expectData<{ id: string; type: string }[]>(api.get(`/api/v1/todos/${todoId}/events`));
  const moved = events.find((e) => e.type === "TODO_MOVED");
  if (!moved) return "no move yet";
  const trace = (await (await api.get(`/api/v1/events/${moved.id}/trace`)).json()) as {
    webhooks: { name: string; outcome: string }[];
  };
  return trace.webhooks.find((w) => w.name === webhookName)?.outcome ?? "not traced";
}

test("build “moved into Done and tagged Urgent” without code, preview it, save it, and receive exactly that move", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const receiver = await startReceiver({ status: 200, body: "ok" });
  try {
    const api = page.request;
    const { board } = await workspace(api, page);
    // Last week's work, for the preview: one urgent record went to Done, one plain one too, one urgent to Review.
    const shipped = await record(api, board, "Ship the press kit", true);
    const plain = await record(api, board, "Tidy the shared drive", false);
    const reviewed = await record(api, board, "Check the launch video", true);
    await move(api, shipped, board.done);
    await move(api, plain, board.done);
    await move(api, reviewed, board.review);

    const name = `Urgent done ${randomUUID().slice(0, 6)}`;
    await page.goto("/settings/webhooks/new");
    await page.getByLabel("Name").fill(name);
    await page.getByLabel("URL").fill(`${receiver.url}/urgent`);
    await page.getByRole("radio", { name: "Let me choose" }).first().check();
    await page.getByRole("checkbox", { name: /^Record moved/ }).check();
    await page.getByRole("radio", { name: "Let me choose" }).nth(1).check();
    await page.getByRole("checkbox", { name: board.project }).check();

    const conditions = page.getByTestId("conditions");
    await conditions.getByRole("radio", { name: "Only send when certain conditions are met" }).check();
    const first = conditions.getByRole("group", { name: "Condition 1" });
    await first.getByLabel("What to check").selectOption({ label: "List" });
    await first.getByLabel("How").selectOption({ label: "moved into" });
    await first.getByLabel("Value").selectOption({ label: "Done" });
    await expect(first.getByTestId("rule-sentence")).toHaveText("the record moved into Done");

    await conditions.getByRole("button", { name: "Add a condition" }).click();
    const second = conditions.getByRole("group", { name: "Condition 2" });
    await second.getByLabel("What to check").selectOption({ label: "Tags" });
    await second.getByLabel("How").selectOption({ label: "include" });
    await second.getByLabel("Value").selectOption({ label: "Urgent" });
    await expect(conditions.getByTestId("conditions-sentence")).toHaveText(
      "Send only when the record moved into Done and the record is tagged Urgent.",
    );
    // No code anywhere: no operator names, no ids.
    await expect(conditions).not.toContainText("$");
    await expect(conditions).not.toContainText(board.urgent);

    const preview = page.getByTestId("conditions-preview");
    await expect(preview.getByTestId("preview-count")).toHaveText(
      "In the last 7 days this would have sent 1 of 3 events.",
    );
    const examples = preview.getByTestId("preview-examples");
    await expect(examples.getByRole("button")).toHaveCount(1);
    await expect(examples).toContainText("Record moved");
    await expect(examples).toContainText("Ship the press kit");
    const misses = preview.getByTestId("preview-misses");
    await expect(misses).toContainText("Tidy the shared drive");
    await expect(misses).toContainText("Check the launch video");
    // Which condition stopped the plain record: the tag, not the list.
    await misses.getByRole("button", { name: /Tidy the shared drive/ }).click();
    const results = misses.getByTestId("rule-results");
    await expect(results.getByRole("listitem").nth(0)).toHaveText(/^✓\s*the record moved into Done \(met\)$/);
    await expect(results.getByRole("listitem").nth(1)).toHaveText(/^✗\s*the record is tagged Urgent \(not met\)$/);

    await page.getByRole("button", { name: "Create webhook" }).click();
    await page
      .getByRole("dialog", { name: "Your signing secret" })
      .getByRole("button", { name: "I have saved it" })
      .click();
    await expect(page.getByRole("row").filter({ hasText: name })).toBeVisible();

    // Today's work on the board: the same three kinds of move, by hand.
    const today = { urgentDone: "Book the venue", plainDone: "Order name badges", urgentReview: "Draft the invite" };
    const urgentDone = await record(api, board, today.urgentDone, true);
    const plainDone = await record(api, board, today.plainDone, false);
    const urgentReview = await record(api, board, today.urgentReview, true);
    await page.goto(`/projects/${board.projectId}`);
    const todo = page.getByRole("region", { name: "To do" });
    await todo.getByLabel(`Move ${today.plainDone} to`).selectOption({ label: "Done" });
    await todo.getByLabel(`Move ${today.urgentReview} to`).selectOption({ label: "Review" });
    await todo.getByLabel(`Move ${today.urgentDone} to`).selectOption({ label: "Done" });
    await expect(
      page.getByRole("region", { name: "Done" }).getByRole("button", { name: `Open ${today.urgentDone}` }),
    ).toBeVisible();

    await expect.poll(() => receiver.requests.length, { timeout: 30_000 }).toBe(1);
    await expect.poll(() => moveOutcome(api, plainDone, name), { timeout: 30_000 }).toBe("FILTERED");
    await expect.poll(() => moveOutcome(api, urgentReview, name), { timeout: 30_000 }).toBe("FILTERED");
    await expect.poll(() => moveOutcome(api, urgentDone, name)).toBe("MATCHED");
    const delivered = receiver.requests.map(
      (r) => JSON.parse(r.body) as { event: string; currentValue: { id: string; todoList: { title: string } } },
    );
    expect(delivered.map((d) => [d.event, d.currentValue.id, d.currentValue.todoList.title])).toEqual([
      ["TODO_MOVED", urgentDone, "Done"],
    ]);

    // "Why (not) delivered?" on the plain record names the condition that was not met, in words.
    await page
      .getByRole("region", { name: "Done" })
      .getByRole("button", { name: `Open ${today.plainDone}` })
      .click();
    const panel = page.getByRole("dialog", { name: today.plainDone });
    await panel
      .getByRole("listitem")
      .filter({ hasText: "TODO_MOVED" })
      .getByRole("button", { name: "Why (not) delivered?" })
      .click();
    const trace = page.getByRole("dialog", { name: "Why was this event (not) delivered?" });
    await expect(trace.getByRole("listitem").filter({ hasText: name })).toContainText(
      "Not sent, because this condition was not met: the record is tagged Urgent.",
    );

    // Saved as built: the edit form reads it back, and its preview sends a real recent event as a test.
    await page.goto("/settings/webhooks");
    await page.getByRole("link", { name: `Edit ${name}` }).click();
    await expect(page.getByTestId("conditions-sentence")).toHaveText(
      "Send only when the record moved into Done and the record is tagged Urgent.",
    );
    const editPreview = page.getByTestId("conditions-preview");
    await expect(editPreview.getByTestId("preview-count")).toHaveText(
      "In the last 7 days this would have sent 2 of 6 events.",
    );
    await editPreview.getByRole("button", { name: "Send as a test: Ship the press kit" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Test event delivered" })).toBeVisible();
    expect(receiver.requests).toHaveLength(2);
    const tested = JSON.parse(receiver.requests[1].body) as { event: string; currentValue: { id: string } };
    expect([tested.event, tested.currentValue.id]).toEqual(["TODO_MOVED", shipped]);

    // The webhook's page reads the conditions back the same way, without the builder.
    const editUrl = page.url();
    await page.goto(editUrl.replace(/\/edit$/, ""));
    await expect(page.getByTestId("configured-conditions")).toHaveText(
      "Send only when the record moved into Done and the record is tagged Urgent.",
    );

    // A tag deleted since stays visible in the rule, named as deleted, on the page and in the form.
    const deleted = await api.delete(`/api/v1/tags/${board.urgent}`);
    expect(deleted.status(), await deleted.text()).toBe(204);
    await page.reload();
    await expect(page.getByTestId("configured-conditions")).toHaveText(
      "Send only when the record moved into Done and the record is tagged Urgent (deleted tag).",
    );
    await page.goto(editUrl);
    await expect(page.getByTestId("conditions-sentence")).toHaveText(
      "Send only when the record moved into Done and the record is tagged Urgent (deleted tag).",
    );
  } finally {
    await receiver.close();
  }
});

/** Press Tab until `target` has focus (fails if it is not reachable within `max` presses). */
async function tabTo(page: Page, target: Locator, max = 120) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`not reachable with Tab: ${target}`);
}

test("a condition can be built with the keyboard alone", async ({ page }) => {
  const { board } = await workspace(page.request, page);
  await page.goto("/settings/webhooks/new");
  await page.getByRole("radio", { name: "Let me choose" }).nth(1).check();
  await page.getByRole("checkbox", { name: board.project }).check();
  const conditions = page.getByTestId("conditions");
  await tabTo(page, conditions.getByRole("radio", { name: "Send every chosen event" }));
  await page.keyboard.press("ArrowDown");
  await expect(conditions.getByRole("radio", { name: "Only send when certain conditions are met" })).toBeChecked();
  const rule = conditions.getByRole("group", { name: "Condition 1" });
  await tabTo(page, rule.getByLabel("How"));
  for (const _ of ["is not in", "is in one of", "is in none of", "moved to another list", "moved into"])
    await page.keyboard.press("ArrowDown");
  await expect(rule.getByLabel("How")).toHaveValue("changedTo");
  await tabTo(page, rule.getByLabel("Value"));
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await expect(rule.getByTestId("rule-sentence")).toHaveText("the record moved into Done");
  await tabTo(page, conditions.getByRole("button", { name: "Add a condition" }));
  await page.keyboard.press("Enter");
  await expect(conditions.getByRole("group", { name: "Condition 2" })).toBeVisible();
  await tabTo(page, conditions.getByRole("button", { name: "Remove condition 2" }));
  await page.keyboard.press("Enter");
  await expect(conditions.getByRole("group", { name: "Condition 2" })).toHaveCount(0);
  await expect(conditions.getByTestId("conditions-sentence")).toHaveText("Send only when the record moved into Done.");
  // Every control named, nothing an assistive technology would trip over, in the builder and the preview.
  await expect(page.getByTestId("preview-count")).toBeVisible();
  expect(await axeFindings(page, ["[data-testid=conditions]", "[data-testid=conditions-preview]"])).toEqual([]);
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("the builder and its preview fit 390 px without scrolling sideways", async ({ page }) => {
    const { board } = await workspace(page.request, page);
    await page.goto("/settings/webhooks/new");
    await page.getByRole("radio", { name: "Let me choose" }).nth(1).check();
    await page.getByRole("checkbox", { name: board.project }).check();
    const conditions = page.getByTestId("conditions");
    await conditions.getByRole("radio", { name: "Only send when certain conditions are met" }).check();
    const first = conditions.getByRole("group", { name: "Condition 1" });
    await first.getByLabel("How").selectOption({ label: "is in one of" });
    await first.getByRole("checkbox", { name: "Done" }).check();
    await first.getByRole("checkbox", { name: "Review" }).check();
    await expect(page.getByTestId("preview-count")).toContainText("In the last 7 days this would have sent 0 of");
    await conditions.getByRole("button", { name: "Add a group of conditions" }).click();
    await expect(conditions.getByRole("group", { name: "Group 1" })).toBeVisible();
    await expect(conditions.getByTestId("conditions-sentence")).toContainText(
      "Send only when the record is in Done or Review and (",
    );
    await expectNoHorizontalScroll(page, "conditions builder");
  });
});
