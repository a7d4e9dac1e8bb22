// A realistic sample payload per event type, and the whole body a delivery of it sends, for the
// catalog page, docs, "send test event" and tests (each sample must satisfy its own schema).
import { deliveryBody } from "../delivery-engine/payload";
import type { EventType } from "./catalog";
import type {
  ChecklistItemValue,
  ChecklistValue,
  CommentValue,
  CustomFieldValue,
  ProjectMemberValue,
  ProjectValue,
  TagValue,
  TodoListValue,
  TodoValue,
} from "./values";

const T0 = "2026-06-01T09:30:00.000Z";
const T1 = "2026-06-01T10:05:12.000Z";

const company = { id: "cmp_acme", name: "Acme Corp" };
const project = { id: "prj_website", name: "Website Relaunch", company };
const otherProject = { id: "prj_mobile", name: "Mobile App", company };
const list = { id: "lst_doing", title: "In progress", project };
const dana = { id: "usr_dana", name: "Dana Demo", email: "dana@example.com" };
const sam = { id: "usr_sam", name: "Sam Other", email: "sam@example.com" };
const urgent = { id: "tag_urgent", title: "Urgent", color: "#e5484d" };

const todo: TodoValue = {
  id: "tdo_pricing",
  title: "Publish the new pricing page",
  text: "Copy is approved; waiting for the final screenshots.",
  position: 65536,
  startedAt: "2026-05-28T08:00:00.000Z",
  duedAt: "2026-06-05T17:00:00.000Z",
  done: false,
  archived: false,
  createdAt: T0,
  updatedAt: T0,
  createdBy: dana,
  todoList: list,
  assignees: [dana],
  tags: [urgent],
  customFields: [{ customField: { id: "cf_budget", name: "Budget", type: "CURRENCY" }, value: 1200 }],
};
const todoRef = { id: todo.id, title: todo.title, todoList: list };
const checklist: ChecklistValue = {
  id: "chk_launch",
  title: "Launch checklist",
  position: 65536,
  createdAt: T0,
  updatedAt: T0,
  todo: todoRef,
};
const item: ChecklistItemValue = {
  id: "itm_seo",
  title: "Check meta descriptions",
  done: false,
  duedAt: "2026-06-03T12:00:00.000Z",
  position: 65536,
  createdAt: T0,
  updatedAt: T0,
  assignees: [sam],
  checklist: { id: checklist.id, title: checklist.title, todo: todoRef },
};
const todoList: TodoListValue = {
  id: list.id,
  title: list.title,
  position: 131072,
  createdAt: T0,
  updatedAt: T0,
  project,
};
const customField: CustomFieldValue = {
  id: "cf_priority",
  name: "Priority",
  type: "SELECT_SINGLE",
  description: "How soon this needs attention",
  options: [
    { id: "opt_high", title: "High", color: "#e5484d" },
    { id: "opt_low", title: "Low", color: "#30a46c" },
  ],
  currency: null,
  position: 65536,
  createdAt: T0,
  updatedAt: T0,
  project,
};
const tag: TagValue = { ...urgent, createdAt: T0, updatedAt: T0, project };
const comment: CommentValue = {
  id: "cmt_1",
  text: "Screenshots are in the shared folder.",
  createdAt: T0,
  updatedAt: T0,
  author: sam,
  todo: todoRef,
};

const projectEntity: ProjectValue = {
  id: project.id,
  name: project.name,
  slug: "website-relaunch",
  archivedAt: null,
  createdAt: T0,
  updatedAt: T0,
  company,
};
const membership: ProjectMemberValue = { user: sam, role: "MEMBER", project };

const later = <V extends { updatedAt: string }>(value: V, change: Partial<V>): V => ({
  ...value,
  ...change,
  updatedAt: T1,
});
const created = <V>(value: V) => ({ previousValue: null, currentValue: value });
const deleted = <V>(value: V) => ({ previousValue: value, currentValue: null });
const updated = <V extends { updatedAt: string }>(value: V, change: Partial<V>) => ({
  previousValue: value,
  currentValue: later(value, change),
});

const SAMPLES: Record<EventType, { previousValue: unknown; currentValue: unknown }> = {
  TODO_CREATED: created(todo),
  TODO_DELETED: deleted(todo),
  TODO_MOVED: updated(todo, { todoList: { id: "lst_review", title: "Review", project: otherProject } }),
  TODO_NAME_CHANGED: updated(todo, { title: "Publish the pricing page (v2)" }),
  TODO_DONE_STATUS_UPDATED: updated(todo, { done: true }),
  TODO_DUE_DATE_ADDED: { previousValue: { ...todo, duedAt: null }, currentValue: later(todo, {}) },
  TODO_DUE_DATE_UPDATED: updated(todo, { duedAt: "2026-06-09T17:00:00.000Z" }),
  TODO_DUE_DATE_REMOVED: updated(todo, { duedAt: null }),
  TODO_ASSIGNEE_ADDED: updated(todo, { assignees: [dana, sam] }),
  TODO_ASSIGNEE_REMOVED: updated(todo, { assignees: [] }),
  TODO_TAG_ADDED: updated(todo, { tags: [urgent, { id: "tag_web", title: "Web", color: "#0090ff" }] }),
  TODO_TAG_REMOVED: updated(todo, { tags: [] }),
  TODO_CUSTOM_FIELD_UPDATED: updated(todo, {
    customFields: [{ customField: { id: "cf_budget", name: "Budget", type: "CURRENCY" }, value: 1500 }],
  }),
  TODO_CHECKLIST_CREATED: created(checklist),
  TODO_CHECKLIST_NAME_CHANGED: updated(checklist, { title: "Go-live checklist" }),
  TODO_CHECKLIST_DELETED: deleted(checklist),
  TODO_CHECKLIST_ITEM_CREATED: created(item),
  TODO_CHECKLIST_ITEM_NAME_CHANGED: updated(item, { title: "Check meta descriptions and titles" }),
  TODO_CHECKLIST_ITEM_DELETED: deleted(item),
  TODO_CHECKLIST_ITEM_DUE_DATE_ADDED: { previousValue: { ...item, duedAt: null }, currentValue: later(item, {}) },
  TODO_CHECKLIST_ITEM_DUE_DATE_UPDATED: updated(item, { duedAt: "2026-06-04T12:00:00.000Z" }),
  TODO_CHECKLIST_ITEM_DUE_DATE_REMOVED: updated(item, { duedAt: null }),
  TODO_CHECKLIST_ITEM_ASSIGNEE_ADDED: updated(item, { assignees: [sam, dana] }),
  TODO_CHECKLIST_ITEM_ASSIGNEE_REMOVED: updated(item, { assignees: [] }),
  TODO_CHECKLIST_ITEM_DONE_STATUS_UPDATED: updated(item, { done: true }),
  TODO_LIST_CREATED: created(todoList),
  TODO_LIST_DELETED: deleted(todoList),
  TODO_LIST_NAME_CHANGED: updated(todoList, { title: "Doing" }),
  CUSTOM_FIELD_CREATED: created(customField),
  CUSTOM_FIELD_DELETED: deleted(customField),
  CUSTOM_FIELD_UPDATED: updated(customField, { name: "Urgency" }),
  TAG_CREATED: created(tag),
  TAG_DELETED: deleted(tag),
  TAG_UPDATED: updated(tag, { color: "#f76b15" }),
  COMMENT_CREATED: created(comment),
  COMMENT_DELETED: deleted(comment),
  COMMENT_UPDATED: updated(comment, { text: "Screenshots are in the shared folder (updated)." }),
  PROJECT_CREATED: created(projectEntity),
  PROJECT_UPDATED: updated(projectEntity, { name: "Website Relaunch 2026" }),
  PROJECT_ARCHIVED: updated(projectEntity, { archivedAt: T1 }),
  PROJECT_DELETED: deleted(projectEntity),
  PROJECT_MEMBER_ADDED: created(membership),
  PROJECT_MEMBER_REMOVED: deleted(membership),
  PROJECT_MEMBER_ROLE_CHANGED: { previousValue: membership, currentValue: { ...membership, role: "ADMIN" } },
};

export function samplePayload(type: EventType) {
  return SAMPLES[type];
}

const sampleWebhook = {
  id: "cmbwh0website",
  uid: "wh_Jq3vR8kYt2mN5xPa",
  name: "Website automation",
  url: "https://hooks.example.com/blue",
  status: "HEALTHY",
  enabled: true,
  projectIds: [project.id],
};

/** The whole body a webhook subscribed to this type receives for its sample, built as deliveries are. */
export function sampleBody(type: EventType): unknown {
  const body = deliveryBody({
    id: "9b2f4c1e-7a3d-4e8b-a6f0-2c5d8e1b3a74",
    timestamp: new Date(T1),
    event: type,
    webhook: { ...sampleWebhook, events: [type] },
    ...SAMPLES[type],
  });
  return JSON.parse(body);
}

/** The project a sample happens in (for test deliveries built from samples). */
export const SAMPLE_PROJECT = project;
