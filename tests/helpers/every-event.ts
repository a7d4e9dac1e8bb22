// Fires every one of the 44 event types through real API calls, as the project's owner: Blue's 37
// (lists, tags, custom fields, a record and all its changes, checklists, comments, a move to the
// other company's project, then the deletions), then ours for projects and members, in a company
// of the owner's own which the teammate joins by invitation. After each step `checkpoint` gets the
// event types that step should have written, in order.
import { expect } from "vitest";
import { DELETE as deleteChecklistItem, PATCH as patchChecklistItem } from "@/app/api/v1/checklist-items/[id]/route";
import { POST as createItem } from "@/app/api/v1/checklists/[id]/items/route";
import { DELETE as deleteChecklist, PATCH as patchChecklist } from "@/app/api/v1/checklists/[id]/route";
import { DELETE as deleteComment, PATCH as patchComment } from "@/app/api/v1/comments/[id]/route";
import { POST as invite } from "@/app/api/v1/companies/[companyId]/invitations/route";
import { POST as createProject } from "@/app/api/v1/companies/[companyId]/projects/route";
import { POST as createCompany } from "@/app/api/v1/companies/route";
import { DELETE as deleteField, PATCH as patchField } from "@/app/api/v1/custom-fields/[id]/route";
import { POST as acceptInvitation } from "@/app/api/v1/invite-links/[token]/accept/route";
import { DELETE as deleteList, PATCH as patchList } from "@/app/api/v1/lists/[id]/route";
import { POST as createField } from "@/app/api/v1/projects/[projectId]/custom-fields/route";
import { POST as createList } from "@/app/api/v1/projects/[projectId]/lists/route";
import { PATCH as patchMember, DELETE as removeMember } from "@/app/api/v1/projects/[projectId]/members/[userId]/route";
import { POST as addMember } from "@/app/api/v1/projects/[projectId]/members/route";
import { DELETE as deleteProject, PATCH as patchProject } from "@/app/api/v1/projects/[projectId]/route";
import { POST as createTag } from "@/app/api/v1/projects/[projectId]/tags/route";
import { POST as createTodo } from "@/app/api/v1/projects/[projectId]/todos/route";
import { DELETE as deleteTag, PATCH as patchTag } from "@/app/api/v1/tags/[id]/route";
import { POST as createChecklist } from "@/app/api/v1/todos/[id]/checklists/route";
import { POST as createComment } from "@/app/api/v1/todos/[id]/comments/route";
import { PUT as setFieldValue } from "@/app/api/v1/todos/[id]/custom-fields/[fieldId]/route";
import { POST as moveTodo } from "@/app/api/v1/todos/[id]/move/route";
import { DELETE as deleteTodo, PATCH as patchTodo } from "@/app/api/v1/todos/[id]/route";
import type { EventType } from "@/lib/events/catalog";
import { type CallOptions, type CallResult, call, type signUp } from "./http";
import type { createWorkspace } from "./workspace";

type Handler = Parameters<typeof call>[0];

/**
 * The second record, which the deletion of its list takes with it (the last TODO_DELETED), and the
 * company the project events happen in.
 */
export type EveryEventRun = { secondTodoId: string; companyId: string };

export async function fireEveryEvent(
  ws: Awaited<ReturnType<typeof createWorkspace>>,
  teammate: Awaited<ReturnType<typeof signUp>>,
  checkpoint: (expected: EventType[]) => Promise<void>,
): Promise<EveryEventRun> {
  async function ok(handler: Handler, opts: CallOptions, status = 200): Promise<CallResult> {
    const res = await call(handler, { cookie: ws.owner.cookie, ...opts });
    expect(res.status, JSON.stringify(res.json)).toBe(status);
    return res;
  }

  const p = { projectId: ws.project.id };
  const list = (await ok(createList, { params: p, body: { title: "To do" } }, 201)).json;
  await checkpoint(["TODO_LIST_CREATED"]);
  await ok(patchList, { method: "PATCH", params: { id: list.id }, body: { title: "Backlog" } });
  await checkpoint(["TODO_LIST_NAME_CHANGED"]);

  const tag = (await ok(createTag, { params: p, body: { title: "Urgent", color: "#E5484D" } }, 201)).json;
  await ok(patchTag, { method: "PATCH", params: { id: tag.id }, body: { color: "#f76b15" } });
  const field = (await ok(createField, { params: p, body: { name: "Budget", type: "NUMBER" } }, 201)).json;
  await ok(patchField, { method: "PATCH", params: { id: field.id }, body: { name: "Budget (EUR)" } });
  await checkpoint(["TAG_CREATED", "TAG_UPDATED", "CUSTOM_FIELD_CREATED", "CUSTOM_FIELD_UPDATED"]);

  const todo = (await ok(createTodo, { params: p, body: { todoListId: list.id, title: "Write launch post" } }, 201))
    .json;
  expect(todo.todoList.project.company.name).toBe("Acme Test");
  await checkpoint(["TODO_CREATED"]);

  const patch = (body: object) => ok(patchTodo, { method: "PATCH", params: { id: todo.id }, body });
  await patch({ title: "Write the launch post", duedAt: "2026-07-01T12:00:00Z" });
  await checkpoint(["TODO_NAME_CHANGED", "TODO_DUE_DATE_ADDED"]);
  await patch({ duedAt: "2026-07-02" });
  await patch({ duedAt: null });
  await patch({ done: true });
  await patch({ assigneeIds: [teammate.user.id, ws.owner.user.id] });
  await patch({ assigneeIds: [] });
  await patch({ tagIds: [tag.id] });
  await patch({ tagIds: [] });
  await checkpoint([
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
  await checkpoint(["TODO_CUSTOM_FIELD_UPDATED"]);

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
  await checkpoint([
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
  await checkpoint(["COMMENT_CREATED", "COMMENT_UPDATED", "COMMENT_DELETED"]);

  const otherList = (await ok(createList, { params: { projectId: ws.otherProject.id }, body: { title: "Inbox" } }, 201))
    .json;
  await checkpoint(["TODO_LIST_CREATED"]);
  const moved = await ok(moveTodo, { params: { id: todo.id }, body: { todoListId: otherList.id } });
  expect(moved.json.todoList.project.company.name).toBe("Globex Test");
  expect(moved.json.customFields).toEqual([]);
  await checkpoint(["TODO_MOVED"]);

  await ok(deleteTodo, { method: "DELETE", params: { id: todo.id } }, 204);
  const second = (await ok(createTodo, { params: p, body: { todoListId: list.id, title: "Second" } }, 201)).json;
  await ok(deleteTag, { method: "DELETE", params: { id: tag.id } }, 204);
  await ok(deleteField, { method: "DELETE", params: { id: field.id } }, 204);
  await ok(deleteList, { method: "DELETE", params: { id: list.id } }, 204);
  await checkpoint([
    "TODO_DELETED",
    "TODO_CREATED",
    "TAG_DELETED",
    "CUSTOM_FIELD_DELETED",
    "TODO_DELETED",
    "TODO_LIST_DELETED",
  ]);

  const companyId = (await ok(createCompany, { body: { name: "Initech Test" } }, 201)).json.data.id;
  const project = (await ok(createProject, { params: { companyId }, body: { name: "Launch" } }, 201)).json.data;
  const inProject = { projectId: project.id };
  await ok(patchProject, { method: "PATCH", params: inProject, body: { name: "Launch 2026" } });
  await ok(patchProject, { method: "PATCH", params: inProject, body: { archived: true } });
  await checkpoint(["PROJECT_CREATED", "PROJECT_UPDATED", "PROJECT_ARCHIVED"]);
  const invitation = (await ok(invite, { params: { companyId }, body: { email: teammate.email, role: "MEMBER" } }, 201))
    .json.data;
  const token = invitation.url.split("/invite/")[1];
  const accepted = await call(acceptInvitation, { cookie: teammate.cookie, params: { token } });
  expect(accepted.status, JSON.stringify(accepted.json)).toBe(200);
  const member = { ...inProject, userId: teammate.user.id };
  await ok(addMember, { params: inProject, body: { userId: teammate.user.id, role: "MEMBER" } }, 201);
  await ok(patchMember, { method: "PATCH", params: member, body: { role: "ADMIN" } });
  await ok(removeMember, { method: "DELETE", params: member }, 204);
  await checkpoint(["PROJECT_MEMBER_ADDED", "PROJECT_MEMBER_ROLE_CHANGED", "PROJECT_MEMBER_REMOVED"]);
  await ok(deleteProject, { method: "DELETE", params: inProject }, 204);
  await checkpoint(["PROJECT_DELETED"]);
  return { secondTodoId: second.id, companyId };
}
