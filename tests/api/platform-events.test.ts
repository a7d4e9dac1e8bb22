// Every one of Blue's 37 events fired through a real API call, stored with its change and valid
// against the catalog schema.
import { beforeAll, describe, expect, it } from "vitest";
import { DELETE as deleteChecklistItem, PATCH as patchChecklistItem } from "@/app/api/v1/checklist-items/[id]/route";
import { POST as createItem } from "@/app/api/v1/checklists/[id]/items/route";
import { DELETE as deleteChecklist, PATCH as patchChecklist } from "@/app/api/v1/checklists/[id]/route";
import { DELETE as deleteComment, PATCH as patchComment } from "@/app/api/v1/comments/[id]/route";
import { DELETE as deleteField, PATCH as patchField } from "@/app/api/v1/custom-fields/[id]/route";
import { DELETE as deleteList, PATCH as patchList } from "@/app/api/v1/lists/[id]/route";
import { POST as createField } from "@/app/api/v1/projects/[projectId]/custom-fields/route";
import { POST as createList } from "@/app/api/v1/projects/[projectId]/lists/route";
import { POST as createTag } from "@/app/api/v1/projects/[projectId]/tags/route";
import { POST as createTodo } from "@/app/api/v1/projects/[projectId]/todos/route";
import { DELETE as deleteTag, PATCH as patchTag } from "@/app/api/v1/tags/[id]/route";
import { POST as createChecklist } from "@/app/api/v1/todos/[id]/checklists/route";
import { POST as createComment } from "@/app/api/v1/todos/[id]/comments/route";
import { PUT as setFieldValue } from "@/app/api/v1/todos/[id]/custom-fields/[fieldId]/route";
import { POST as moveTodo } from "@/app/api/v1/todos/[id]/move/route";
import { DELETE as deleteTodo, PATCH as patchTodo } from "@/app/api/v1/todos/[id]/route";
import { EVENT_CATALOG, EVENT_TYPES, type EventType } from "@/lib/events/catalog";
import { type CallOptions, type CallResult, call, signUp } from "../helpers/http";
import { addMember, createWorkspace, eventsBy } from "../helpers/workspace";

type Handler = Parameters<typeof call>[0];
let ws: Awaited<ReturnType<typeof createWorkspace>>;
let teammate: Awaited<ReturnType<typeof signUp>>;
let seen = 0;

async function ok(handler: Handler, opts: CallOptions, status = 200): Promise<CallResult> {
  const res = await call(handler, { cookie: ws.owner.cookie, ...opts });
  expect(res.status, JSON.stringify(res.json)).toBe(status);
  return res;
}

/** The event types written since the last call, in order. */
async function newEvents(): Promise<EventType[]> {
  const events = await eventsBy(ws.owner.user.id);
  const fresh = events.slice(seen);
  seen = events.length;
  return fresh.map((e) => e.type as EventType);
}

beforeAll(async () => {
  ws = await createWorkspace("events");
  teammate = await signUp("teammate");
  await addMember(ws.project.id, teammate.user.id, "MEMBER");
});

describe("the 37 events through the API", () => {
  it("fires each event type with the payload its catalog schema describes", async () => {
    const p = { projectId: ws.project.id };
    const list = (await ok(createList, { params: p, body: { title: "To do" } }, 201)).json;
    expect(await newEvents()).toEqual(["TODO_LIST_CREATED"]);
    await ok(patchList, { method: "PATCH", params: { id: list.id }, body: { title: "Backlog" } });
    expect(await newEvents()).toEqual(["TODO_LIST_NAME_CHANGED"]);

    const tag = (await ok(createTag, { params: p, body: { title: "Urgent", color: "#E5484D" } }, 201)).json;
    await ok(patchTag, { method: "PATCH", params: { id: tag.id }, body: { color: "#f76b15" } });
    const field = (await ok(createField, { params: p, body: { name: "Budget", type: "NUMBER" } }, 201)).json;
    await ok(patchField, { method: "PATCH", params: { id: field.id }, body: { name: "Budget (EUR)" } });
    expect(await newEvents()).toEqual(["TAG_CREATED", "TAG_UPDATED", "CUSTOM_FIELD_CREATED", "CUSTOM_FIELD_UPDATED"]);

    const todo = (await ok(createTodo, { params: p, body: { todoListId: list.id, title: "Write launch post" } }, 201))
      .json;
    expect(todo.todoList.project.company.name).toBe("Acme Test");
    expect(await newEvents()).toEqual(["TODO_CREATED"]);

    const patch = (body: object) => ok(patchTodo, { method: "PATCH", params: { id: todo.id }, body });
    await patch({ title: "Write the launch post", duedAt: "2026-07-01T12:00:00Z" });
    expect(await newEvents()).toEqual(["TODO_NAME_CHANGED", "TODO_DUE_DATE_ADDED"]);
    await patch({ duedAt: "2026-07-02" });
    await patch({ duedAt: null });
    await patch({ done: true });
    await patch({ assigneeIds: [teammate.user.id, ws.owner.user.id] });
    await patch({ assigneeIds: [] });
    await patch({ tagIds: [tag.id] });
    await patch({ tagIds: [] });
    expect(await newEvents()).toEqual([
      "TODO_DUE_DATE_UPDATED",
      "TODO_DUE_DATE_REMOVED",
      "TODO_DONE_STATUS_UPDATED",
      "TODO_ASSIGNEE_ADDED",
      "TODO_ASSIGNEE_ADDED",
      "TODO_ASSIGNEE_REMOVED",
      "TODO_ASSIGNEE_REMOVED",
      "TODO_TAG_ADDED",
      "TODO_TAG_REMOVED",
    ]);
    const withValue = await ok(setFieldValue, {
      method: "PUT",
      params: { id: todo.id, fieldId: field.id },
      body: { value: 1200 },
    });
    expect(withValue.json.customFields).toEqual([
      { customField: { id: field.id, name: "Budget (EUR)", type: "NUMBER" }, value: 1200 },
    ]);
    expect(await newEvents()).toEqual(["TODO_CUSTOM_FIELD_UPDATED"]);

    const checklist = (await ok(createChecklist, { params: { id: todo.id }, body: { title: "Steps" } }, 201)).json;
    await ok(patchChecklist, { method: "PATCH", params: { id: checklist.id }, body: { title: "Launch steps" } });
    const item = (await ok(createItem, { params: { id: checklist.id }, body: { title: "Draft" } }, 201)).json;
    const patchItem = (body: object) => ok(patchChecklistItem, { method: "PATCH", params: { id: item.id }, body });
    await patchItem({ title: "Draft the post" });
    await patchItem({ duedAt: "2026-06-20T09:00:00Z" });
    await patchItem({ duedAt: "2026-06-21T09:00:00Z" });
    await patchItem({ duedAt: null });
    await patchItem({ assigneeIds: [teammate.user.id] });
    await patchItem({ assigneeIds: [] });
    await patchItem({ done: true });
    await ok(deleteChecklistItem, { method: "DELETE", params: { id: item.id } }, 204);
    await ok(deleteChecklist, { method: "DELETE", params: { id: checklist.id } }, 204);
    expect(await newEvents()).toEqual([
      "TODO_CHECKLIST_CREATED",
      "TODO_CHECKLIST_NAME_CHANGED",
      "TODO_CHECKLIST_ITEM_CREATED",
      "TODO_CHECKLIST_ITEM_NAME_CHANGED",
      "TODO_CHECKLIST_ITEM_DUE_DATE_ADDED",
      "TODO_CHECKLIST_ITEM_DUE_DATE_UPDATED",
      "TODO_CHECKLIST_ITEM_DUE_DATE_REMOVED",
      "TODO_CHECKLIST_ITEM_ASSIGNEE_ADDED",
      "TODO_CHECKLIST_ITEM_ASSIGNEE_REMOVED",
      "TODO_CHECKLIST_ITEM_DONE_STATUS_UPDATED",
      "TODO_CHECKLIST_ITEM_DELETED",
      "TODO_CHECKLIST_DELETED",
    ]);

    const comment = (await ok(createComment, { params: { id: todo.id }, body: { text: "Looks good" } }, 201)).json;
    await ok(patchComment, { method: "PATCH", params: { id: comment.id }, body: { text: "Looks great" } });
    await ok(deleteComment, { method: "DELETE", params: { id: comment.id } }, 204);
    expect(await newEvents()).toEqual(["COMMENT_CREATED", "COMMENT_UPDATED", "COMMENT_DELETED"]);

    const otherList = (
      await ok(createList, { params: { projectId: ws.otherProject.id }, body: { title: "Inbox" } }, 201)
    ).json;
    await newEvents();
    const moved = await ok(moveTodo, { params: { id: todo.id }, body: { todoListId: otherList.id } });
    expect(moved.json.todoList.project.company.name).toBe("Globex Test");
    expect(moved.json.customFields).toEqual([]);
    expect(await newEvents()).toEqual(["TODO_MOVED"]);
    const [moveEvent] = (await eventsBy(ws.owner.user.id)).filter((e) => e.type === "TODO_MOVED");
    expect(moveEvent.projectId).toBe(ws.otherProject.id);
    expect(moveEvent.projectIds.sort()).toEqual([ws.project.id, ws.otherProject.id].sort());

    await ok(deleteTodo, { method: "DELETE", params: { id: todo.id } }, 204);
    const second = (await ok(createTodo, { params: p, body: { todoListId: list.id, title: "Second" } }, 201)).json;
    await ok(deleteTag, { method: "DELETE", params: { id: tag.id } }, 204);
    await ok(deleteField, { method: "DELETE", params: { id: field.id } }, 204);
    await ok(deleteList, { method: "DELETE", params: { id: list.id } }, 204);
    expect(await newEvents()).toEqual([
      "TODO_DELETED",
      "TODO_CREATED",
      "TAG_DELETED",
      "CUSTOM_FIELD_DELETED",
      "TODO_DELETED",
      "TODO_LIST_DELETED",
    ]);
    const deletions = (await eventsBy(ws.owner.user.id)).filter((e) => e.type === "TODO_DELETED");
    expect(deletions.at(-1)?.previousValue).toMatchObject({ id: second.id });

    const events = await eventsBy(ws.owner.user.id);
    expect(new Set(events.map((e) => e.type))).toEqual(new Set(EVENT_TYPES));
    for (const event of events) {
      const parsed = EVENT_CATALOG[event.type as EventType].payloadSchema.safeParse({
        previousValue: event.previousValue ?? null,
        currentValue: event.currentValue ?? null,
      });
      expect(parsed.success, `${event.type}: ${parsed.error?.message}`).toBe(true);
      expect(event.actorId).toBe(ws.owner.user.id);
      expect(event.projectIds).toContain(event.projectId);
      expect([ws.project.companyId, ws.otherProject.companyId]).toContain(event.companyId);
    }
  });
});
