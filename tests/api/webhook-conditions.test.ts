// Webhook conditions end to end: webhooks with conditions made through the API, real record
// changes through the API, the real SDK serve() running the fan-out through the local Inngest
// server, and a real receiver. A delivery arrives only when the rules hold; otherwise the trace
// says FILTERED and names the rule. Bad conditions get a 422 naming the rule, and a list deleted
// later stays visible as deleted.
import { beforeAll, describe, expect, it } from "vitest";
import { PATCH as updateItemRoute } from "@/app/api/v1/checklist-items/[id]/route";
import { POST as createItemRoute } from "@/app/api/v1/checklists/[id]/items/route";
import { GET as traceRoute } from "@/app/api/v1/events/[id]/trace/route";
import { DELETE as deleteListRoute } from "@/app/api/v1/lists/[id]/route";
import { POST as createCustomFieldRoute } from "@/app/api/v1/projects/[projectId]/custom-fields/route";
import { POST as createListRoute } from "@/app/api/v1/projects/[projectId]/lists/route";
import { POST as createTagRoute } from "@/app/api/v1/projects/[projectId]/tags/route";
import { POST as createTodoRoute } from "@/app/api/v1/projects/[projectId]/todos/route";
import { POST as createChecklistRoute } from "@/app/api/v1/todos/[id]/checklists/route";
import { POST as commentRoute } from "@/app/api/v1/todos/[id]/comments/route";
import { PUT as setFieldRoute } from "@/app/api/v1/todos/[id]/custom-fields/[fieldId]/route";
import { POST as moveRoute } from "@/app/api/v1/todos/[id]/move/route";
import { PATCH as updateTodoRoute } from "@/app/api/v1/todos/[id]/route";
import { POST as disableRoute } from "@/app/api/v1/webhooks/[id]/disable/route";
import { PATCH as patchWebhookRoute, GET as webhookRoute } from "@/app/api/v1/webhooks/[id]/route";
import { GET as conditionOptionsRoute } from "@/app/api/v1/webhooks/condition-options/route";
import { POST as createWebhookRoute } from "@/app/api/v1/webhooks/route";
import { db } from "@/lib/db";
import { settlePublishing } from "@/lib/events/publish-events";
import { waitFor } from "@/tools/inngest-local/test-support";
import { call } from "../helpers/http";
import { harnessForThisFile } from "../helpers/inngest";
import { startReceiver } from "../helpers/receiver";
import { createWorkspace } from "../helpers/workspace";

harnessForThisFile();

let ws: Awaited<ReturnType<typeof createWorkspace>>;
let cookie: string;
const ids = { doing: "", done: "", urgent: "", priority: "", high: "", low: "", otherTag: "" };

async function post(
  handler: Parameters<typeof call>[0],
  params: Record<string, string>,
  body: unknown,
  method = "POST",
) {
  const res = await call(handler, { cookie, params, body, method });
  expect(res.status, JSON.stringify(res.json)).toBeLessThan(300);
  await settlePublishing();
  return res.json;
}

beforeAll(async () => {
  ws = await createWorkspace("conditions");
  cookie = ws.owner.cookie;
  const projectId = ws.project.id;
  ids.doing = (await post(createListRoute, { projectId }, { title: "Doing" })).id;
  ids.done = (await post(createListRoute, { projectId }, { title: "Done" })).id;
  ids.urgent = (await post(createTagRoute, { projectId }, { title: "urgent", color: "#e5484d" })).id;
  ids.otherTag = (
    await post(createTagRoute, { projectId: ws.otherProject.id }, { title: "elsewhere", color: "#112233" })
  ).id;
  const field = await post(
    createCustomFieldRoute,
    { projectId },
    { name: "Priority", type: "SELECT_SINGLE", options: [{ title: "High" }, { title: "Low" }] },
  );
  ids.priority = field.id;
  ids.high = field.options.find((o: { title: string }) => o.title === "High").id;
  ids.low = field.options.find((o: { title: string }) => o.title === "Low").id;
}, 60_000);

async function webhook(url: string, events: string[], conditions: unknown) {
  const res = await call(createWebhookRoute, {
    cookie,
    body: { name: "Conditional", url, events, projectIds: [ws.project.id], conditions },
  });
  expect(res.status, JSON.stringify(res.json)).toBe(201);
  return res.json as { id: string; conditions: unknown; conditionReferences: unknown[] };
}

async function record(title: string, extra: Record<string, unknown> = {}) {
  return post(createTodoRoute, { projectId: ws.project.id }, { todoListId: ids.doing, title, ...extra }) as Promise<{
    id: string;
  }>;
}

/** The last event of a type about a record. */
const lastEvent = (todoId: string, type: string) =>
  db().event.findFirstOrThrow({ where: { todoId, type }, orderBy: { sequence: "desc" } });

type TraceLine = {
  webhookId: string;
  outcome: string;
  explanation: string;
  failedRule: { path: string; field: string; operator: string } | null;
};

/** What "why (not) delivered?" says for one webhook, once the event's fan-out has run. */
async function traceOf(eventId: string, webhookId: string) {
  return waitFor(`the fan-out of ${eventId}`, async () => {
    const res = await call(traceRoute, { cookie, params: { id: eventId } });
    const line = (res.json.webhooks as TraceLine[]).find((w) => w.webhookId === webhookId);
    return line && line.outcome !== "PENDING" ? line : undefined;
  });
}

describe("conditions at fan-out", () => {
  it('"moved into Done and tagged urgent": delivered only when both hold, FILTERED with the failing rule otherwise', async () => {
    const receiver = await startReceiver();
    const hook = await webhook(`${receiver.url}/done`, ["TODO_MOVED"], {
      match: "all",
      rules: [
        { field: "record.list", operator: "$changedTo", value: ids.done },
        { field: "record.tags", operator: "$contains", value: ids.urgent },
      ],
    });
    const tagged = await record("Tagged", { tagIds: [ids.urgent] });
    const plain = await record("Plain");

    await post(moveRoute, { id: plain.id }, { todoListId: ids.done });
    const plainMove = await lastEvent(plain.id, "TODO_MOVED");
    const filtered = await traceOf(plainMove.id, hook.id);
    expect(filtered.outcome).toBe("FILTERED");
    expect(filtered.failedRule).toEqual({ path: "rules[1]", field: "record.tags", operator: "$contains" });
    expect(filtered.explanation).toContain("Rule 2");

    await post(moveRoute, { id: tagged.id }, { todoListId: ids.done });
    await receiver.waitFor(1);
    const body = JSON.parse(receiver.requests[0].body);
    expect(body).toMatchObject({ event: "TODO_MOVED", currentValue: { id: tagged.id, todoList: { id: ids.done } } });
    expect((await traceOf((await lastEvent(tagged.id, "TODO_MOVED")).id, hook.id)).outcome).toBe("MATCHED");

    // Moving it back out of Done: the list rule fails first.
    await post(moveRoute, { id: tagged.id }, { todoListId: ids.doing });
    const back = await traceOf((await lastEvent(tagged.id, "TODO_MOVED")).id, hook.id);
    expect(back).toMatchObject({
      outcome: "FILTERED",
      failedRule: { path: "rules[0]", field: "record.list", operator: "$changedTo" },
    });
    expect(receiver.requests).toHaveLength(1);
    // Filtered events leave no delivery behind.
    expect(await db().delivery.count({ where: { webhookId: hook.id } })).toBe(1);
    await receiver.close();
  });

  it('"Priority changed to High": a custom field transition', async () => {
    const receiver = await startReceiver();
    const hook = await webhook(`${receiver.url}/priority`, ["TODO_CUSTOM_FIELD_UPDATED"], {
      match: "all",
      rules: [{ field: "record.customField", customFieldId: ids.priority, operator: "$changedTo", value: ids.high }],
    });
    const todo = await record("Prioritised");
    const set = async (value: string | null) => {
      await post(setFieldRoute, { id: todo.id, fieldId: ids.priority }, { value }, "PUT");
      return lastEvent(todo.id, "TODO_CUSTOM_FIELD_UPDATED");
    };
    const toLow = await set(ids.low);
    expect((await traceOf(toLow.id, hook.id)).failedRule).toEqual({
      path: "rules[0]",
      field: "record.customField",
      operator: "$changedTo",
    });
    const toHigh = await set(ids.high);
    await receiver.waitFor(1);
    expect(JSON.parse(receiver.requests[0].body).id).toBe(toHigh.id);
    const cleared = await set(null);
    expect((await traceOf(cleared.id, hook.id)).outcome).toBe("FILTERED");
    expect(receiver.requests).toHaveLength(1);
    await receiver.close();
  });

  it('"a comment on a record assigned to me" reads the record the comment is on', async () => {
    const receiver = await startReceiver();
    const hook = await webhook(`${receiver.url}/comments`, ["COMMENT_CREATED"], {
      match: "all",
      rules: [
        { field: "record.assignees", operator: "$contains", value: ws.owner.user.id },
        { field: "record.done", operator: "$eq", value: false },
      ],
    });
    const mine = await record("Mine");
    await post(updateTodoRoute, { id: mine.id }, { assigneeIds: [ws.owner.user.id] }, "PATCH");
    const theirs = await record("Not mine");

    await post(commentRoute, { id: theirs.id }, { text: "Not for me" });
    const skipped = await traceOf((await lastEvent(theirs.id, "COMMENT_CREATED")).id, hook.id);
    expect(skipped.failedRule).toEqual({ path: "rules[0]", field: "record.assignees", operator: "$contains" });

    await post(commentRoute, { id: mine.id }, { text: "For me" });
    await receiver.waitFor(1);
    expect(JSON.parse(receiver.requests[0].body)).toMatchObject({
      event: "COMMENT_CREATED",
      currentValue: { text: "For me", todo: { id: mine.id } },
    });

    // Done since: the record's state now, not the comment's payload, decides.
    await post(updateTodoRoute, { id: mine.id }, { done: true }, "PATCH");
    await post(commentRoute, { id: mine.id }, { text: "Too late" });
    const done = await traceOf((await lastEvent(mine.id, "COMMENT_CREATED")).id, hook.id);
    expect(done.failedRule).toEqual({ path: "rules[1]", field: "record.done", operator: "$eq" });
    expect(receiver.requests).toHaveLength(1);
    await receiver.close();
  });

  it('"any of" with a nested group: tagged urgent, or marked done in Doing', async () => {
    const receiver = await startReceiver();
    const hook = await webhook(`${receiver.url}/any`, ["TODO_TAG_ADDED", "TODO_DONE_STATUS_UPDATED"], {
      match: "any",
      rules: [
        { field: "record.tags", operator: "$changedTo", value: ids.urgent },
        {
          match: "all",
          rules: [
            { field: "record.done", operator: "$changedTo", value: true },
            { field: "record.list", operator: "$eq", value: ids.doing },
          ],
        },
      ],
    });
    const todo = await record("Either");
    await post(updateTodoRoute, { id: todo.id }, { tagIds: [ids.urgent] }, "PATCH");
    await receiver.waitFor(1);
    await post(updateTodoRoute, { id: todo.id }, { done: true }, "PATCH");
    await receiver.waitFor(2);
    await post(updateTodoRoute, { id: todo.id }, { done: false }, "PATCH");
    const reopened = await traceOf((await lastEvent(todo.id, "TODO_DONE_STATUS_UPDATED")).id, hook.id);
    expect(reopened).toMatchObject({ outcome: "FILTERED", failedRule: { path: "rules[0]" } });
    expect(receiver.requests.map((r) => JSON.parse(r.body).event)).toEqual([
      "TODO_TAG_ADDED",
      "TODO_DONE_STATUS_UPDATED",
    ]);
    await receiver.close();
  });
});

describe("conditions on checklist items and disabled webhooks", () => {
  it("\"an item checked on an urgent record\": the item's change and its record's tags", async () => {
    const receiver = await startReceiver();
    const hook = await webhook(`${receiver.url}/items`, ["TODO_CHECKLIST_ITEM_DONE_STATUS_UPDATED"], {
      match: "all",
      rules: [
        { field: "checklistItem.done", operator: "$changedTo", value: true },
        { field: "record.tags", operator: "$contains", value: ids.urgent },
      ],
    });
    const itemOn = async (title: string, tagIds: string[]) => {
      const todo = await record(title, { tagIds });
      const checklist = await post(createChecklistRoute, { id: todo.id }, { title: "Launch" });
      return { todo, item: await post(createItemRoute, { id: checklist.id }, { title: "Step" }) };
    };
    const calm = await itemOn("Calm", []);
    await post(updateItemRoute, { id: calm.item.id }, { done: true }, "PATCH");
    const calmEvent = await lastEvent(calm.todo.id, "TODO_CHECKLIST_ITEM_DONE_STATUS_UPDATED");
    expect((await traceOf(calmEvent.id, hook.id)).failedRule).toEqual({
      path: "rules[1]",
      field: "record.tags",
      operator: "$contains",
    });
    const urgent = await itemOn("Urgent", [ids.urgent]);
    await post(updateItemRoute, { id: urgent.item.id }, { done: true }, "PATCH");
    await receiver.waitFor(1);
    expect(JSON.parse(receiver.requests[0].body).currentValue).toMatchObject({ id: urgent.item.id, done: true });
    await post(updateItemRoute, { id: urgent.item.id }, { done: false }, "PATCH");
    const unchecked = await lastEvent(urgent.todo.id, "TODO_CHECKLIST_ITEM_DONE_STATUS_UPDATED");
    expect((await traceOf(unchecked.id, hook.id)).failedRule?.path).toBe("rules[0]");
    expect(receiver.requests).toHaveLength(1);
    await receiver.close();
  });

  it("a disabled webhook keeps a skipped delivery only of events its conditions match", async () => {
    const hook = await webhook("http://127.0.0.1:9/disabled", ["TODO_MOVED"], {
      match: "all",
      rules: [{ field: "record.list", operator: "$changedTo", value: ids.done }],
    });
    expect((await call(disableRoute, { cookie, params: { id: hook.id } })).status).toBe(200);
    const todo = await record("Back and forth");
    await post(moveRoute, { id: todo.id }, { todoListId: ids.done });
    const into = await lastEvent(todo.id, "TODO_MOVED");
    expect((await traceOf(into.id, hook.id)).outcome).toBe("DISABLED");
    await post(moveRoute, { id: todo.id }, { todoListId: ids.doing });
    const out = await lastEvent(todo.id, "TODO_MOVED");
    expect((await traceOf(out.id, hook.id)).outcome).toBe("FILTERED");
    const deliveries = await db().delivery.findMany({ where: { webhookId: hook.id } });
    expect(deliveries.map((d) => [d.eventId, d.status])).toEqual([[into.id, "SKIPPED"]]);
  });
});

describe("conditions in the API", () => {
  const url = "http://127.0.0.1:9/conditions";
  const create = (conditions: unknown, extra: Record<string, unknown> = {}) =>
    call(createWebhookRoute, {
      cookie,
      body: { name: "Checked", url, projectIds: [ws.project.id], conditions, ...extra },
    });

  it.each([
    [
      {
        match: "all",
        rules: [
          { field: "record.title", operator: "$exist", value: true },
          { field: "record.tags", operator: "$in", value: "x" },
        ],
      },
      "conditions.rules[1].value",
      "must be a list of tag ids",
    ],
    [
      { match: "all", rules: [{ field: "record.list", operator: "$gt", value: 3 }] },
      "conditions.rules[0].operator",
      '"$gt" does not apply to a list',
    ],
    [
      { match: "all", rules: [{ field: "record.customField", operator: "$exist", value: true }] },
      "conditions.rules[0].customFieldId",
      "is required for a custom field rule",
    ],
  ])("a malformed rule is a 422 naming it (%#)", async (conditions, path, message) => {
    const before = await db().webhook.count({ where: { createdById: ws.owner.user.id } });
    const res = await create(conditions);
    expect(res.status).toBe(422);
    expect(res.json.error.fields[path]).toEqual([expect.stringContaining(message)]);
    expect(res.json.error.message).toContain(path);
    expect(await db().webhook.count({ where: { createdById: ws.owner.user.id } })).toBe(before);
  });

  it("ids must belong to the webhook's projects, and a custom field rule must fit the field's type", async () => {
    const before = await db().webhook.count({ where: { createdById: ws.owner.user.id } });
    const foreignTag = await create({
      match: "all",
      rules: [
        { field: "record.list", operator: "$eq", value: ids.done },
        { field: "record.tags", operator: "$contains", value: ids.otherTag },
      ],
    });
    expect(foreignTag.status).toBe(422);
    expect(foreignTag.json.error.fields).toEqual({
      "conditions.rules[1].value": [`"${ids.otherTag}" is not a tag of the webhook's projects`],
    });
    // With all projects, the creator's other project counts.
    expect(
      (
        await create(
          { match: "all", rules: [{ field: "record.tags", operator: "$contains", value: ids.otherTag }] },
          { projectIds: undefined, allProjects: true },
        )
      ).status,
    ).toBe(201);

    const wrongType = await create({
      match: "all",
      rules: [{ field: "record.customField", customFieldId: ids.priority, operator: "$gt", value: 3 }],
    });
    expect(wrongType.status).toBe(422);
    expect(wrongType.json.error.fields["conditions.rules[0].operator"]).toEqual([
      '"$gt" does not apply to a single-choice field',
    ]);
    const unknownOption = await create({
      match: "any",
      rules: [
        {
          match: "all",
          rules: [{ field: "record.customField", customFieldId: ids.priority, operator: "$eq", value: "opt_nope" }],
        },
      ],
    });
    expect(unknownOption.json.error.fields).toEqual({
      "conditions.rules[0].rules[0].value": ['"opt_nope" is not an option of this custom field'],
    });
    const stranger = await create({
      match: "all",
      rules: [{ field: "comment.author", operator: "$in", value: [ws.owner.user.id, "usr_stranger"] }],
    });
    expect(stranger.json.error.fields).toEqual({
      "conditions.rules[0].value": ['"usr_stranger" is not a member of the webhook\'s projects'],
    });
    expect(await db().webhook.count({ where: { createdById: ws.owner.user.id } })).toBe(before + 1);
  });

  it("the view names what the rules refer to; a list deleted later stays visible as deleted", async () => {
    const archive = (await post(createListRoute, { projectId: ws.project.id }, { title: "Archive" })).id;
    const conditions = {
      match: "all",
      rules: [
        { field: "record.list", operator: "$changedTo", value: archive },
        { field: "record.customField", customFieldId: ids.priority, operator: "$in", value: [ids.high] },
        { field: "record.tags", operator: "$nin", value: [ids.urgent] },
      ],
    };
    const created = await create(conditions);
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    expect(created.json.conditions).toEqual(conditions);
    expect(created.json.conditionReferences).toEqual([
      { id: archive, kind: "list", name: "Archive", deleted: false },
      { id: ids.priority, kind: "customField", name: "Priority", deleted: false },
      { id: ids.high, kind: "option", name: "High", deleted: false },
      { id: ids.urgent, kind: "tag", name: "urgent", deleted: false },
    ]);

    const res = await call(deleteListRoute, { cookie, params: { id: archive }, method: "DELETE" });
    expect(res.status).toBe(204);
    await settlePublishing();
    const read = await call(webhookRoute, { cookie, params: { id: created.json.id } });
    expect(read.json.conditions).toEqual(conditions);
    expect(read.json.conditionReferences[0]).toEqual({ id: archive, kind: "list", name: "Archive", deleted: true });

    // Other changes, moving projects included, leave a deleted reference be.
    const widened = await call(patchWebhookRoute, {
      cookie,
      params: { id: created.json.id },
      body: { projectIds: [ws.project.id, ws.otherProject.id] },
      method: "PATCH",
    });
    expect(widened.status, JSON.stringify(widened.json)).toBe(200);
    expect(widened.json.conditionReferences[0]).toMatchObject({ id: archive, deleted: true });
    // Saving the rule again names the deleted list; null clears the conditions.
    const again = await call(patchWebhookRoute, {
      cookie,
      params: { id: created.json.id },
      body: { conditions },
      method: "PATCH",
    });
    expect(again.status).toBe(422);
    expect(Object.keys(again.json.error.fields)).toEqual(["conditions.rules[0].value"]);
    const cleared = await call(patchWebhookRoute, {
      cookie,
      params: { id: created.json.id },
      body: { conditions: null },
      method: "PATCH",
    });
    expect(cleared.status).toBe(200);
    expect(cleared.json).toMatchObject({ conditions: null, conditionReferences: [] });
  });

  it("moving a webhook to other projects is refused while its saved rules name what is outside them", async () => {
    const created = await create({
      match: "all",
      rules: [{ field: "record.tags", operator: "$contains", value: ids.urgent }],
    });
    expect(created.status).toBe(201);
    const patch = (body: object) =>
      call(patchWebhookRoute, { cookie, params: { id: created.json.id }, body, method: "PATCH" });
    const moved = await patch({ projectIds: [ws.otherProject.id] });
    expect(moved.status).toBe(422);
    expect(moved.json.error.fields).toEqual({
      "conditions.rules[0].value": [`"${ids.urgent}" is not a tag of the webhook's projects`],
    });
    expect((await patch({ projectIds: [ws.project.id, ws.otherProject.id] })).status).toBe(200);
    // With new conditions in the same change, those are what is checked.
    const both = await patch({
      projectIds: [ws.otherProject.id],
      conditions: { match: "all", rules: [{ field: "record.tags", operator: "$contains", value: ids.otherTag }] },
    });
    expect(both.status, JSON.stringify(both.json)).toBe(200);
    expect(both.json.conditionReferences).toEqual([
      { id: ids.otherTag, kind: "tag", name: "elsewhere", deleted: false },
    ]);
  });

  it("condition-options offers the lists, tags, people and fields of the chosen projects only", async () => {
    const res = await call(conditionOptionsRoute, { cookie, path: `/?projectIds=${ws.project.id}` });
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    expect(res.json.lists.map((l: { id: string }) => l.id)).toEqual(expect.arrayContaining([ids.doing, ids.done]));
    expect(res.json.lists[0]).toMatchObject({ projectId: ws.project.id, projectName: "Website" });
    expect(res.json.tags.map((t: { id: string }) => t.id)).toEqual([ids.urgent]);
    expect(res.json.people).toEqual([{ id: ws.owner.user.id, name: ws.owner.user.name, email: ws.owner.user.email }]);
    expect(res.json.customFields).toEqual([
      {
        id: ids.priority,
        name: "Priority",
        type: "SELECT_SINGLE",
        projectId: ws.project.id,
        options: [
          { id: ids.high, title: "High" },
          { id: ids.low, title: "Low" },
        ],
      },
    ]);
    const all = await call(conditionOptionsRoute, { cookie, path: "/?allProjects=true" });
    expect(all.json.tags.map((t: { id: string }) => t.id).sort()).toEqual([ids.urgent, ids.otherTag].sort());
    const notMine = await call(conditionOptionsRoute, { cookie, path: "/?projectIds=prj_not_mine" });
    expect(notMine.status).toBe(422);
    expect(Object.keys(notMine.json.error.fields)).toEqual(["projectIds"]);
  });
});
