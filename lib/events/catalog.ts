// The single source of truth for event types: Blue's 37 subscribable names (spelled exactly as
// Blue does) and 7 of ours for what Blue lacks (projects and their members, in Blue's naming
// style), 44 in all; their group, human text, payload schema and sample. The API's /event-types, the
// catalog page, JSON Schemas, webhook validation and tests all read this module.
import { z } from "zod";
import {
  checklistItemValue,
  checklistValue,
  commentValue,
  customFieldValue,
  projectMemberValue,
  projectValue,
  tagValue,
  todoListValue,
  todoValue,
} from "./values";

export const EVENT_GROUPS = [
  { id: "records", label: "Records" },
  { id: "checklists", label: "Checklists" },
  { id: "lists", label: "Lists" },
  { id: "customFields", label: "Custom fields" },
  { id: "tags", label: "Tags" },
  { id: "comments", label: "Comments" },
  { id: "projects", label: "Projects" },
  { id: "projectMembers", label: "Project members" },
] as const;
export type EventGroup = (typeof EVENT_GROUPS)[number]["id"];

/** create: previousValue is null; delete: currentValue is null; update: both are set. */
type Kind = "create" | "update" | "delete";

type Definition = { group: EventGroup; kind: Kind; label: string; description: string };

const DEFINITIONS = {
  TODO_CREATED: {
    group: "records",
    kind: "create",
    label: "Record created",
    description: "A record was added to a list.",
  },
  TODO_DELETED: {
    group: "records",
    kind: "delete",
    label: "Record deleted",
    description: "A record was deleted (also when its list is deleted).",
  },
  TODO_MOVED: {
    group: "records",
    kind: "update",
    label: "Record moved",
    description: "A record moved to another list, possibly in another project; it happens in both projects.",
  },
  TODO_NAME_CHANGED: {
    group: "records",
    kind: "update",
    label: "Record renamed",
    description: "A record's title changed.",
  },
  TODO_DONE_STATUS_UPDATED: {
    group: "records",
    kind: "update",
    label: "Record completed or reopened",
    description: "A record was marked done or not done.",
  },
  TODO_DUE_DATE_ADDED: {
    group: "records",
    kind: "update",
    label: "Due date added",
    description: "A record without a due date got one.",
  },
  TODO_DUE_DATE_UPDATED: {
    group: "records",
    kind: "update",
    label: "Due date changed",
    description: "A record's due date moved.",
  },
  TODO_DUE_DATE_REMOVED: {
    group: "records",
    kind: "update",
    label: "Due date removed",
    description: "A record's due date was cleared.",
  },
  TODO_ASSIGNEE_ADDED: {
    group: "records",
    kind: "update",
    label: "Assignee added",
    description: "Someone was assigned to a record (one event per person).",
  },
  TODO_ASSIGNEE_REMOVED: {
    group: "records",
    kind: "update",
    label: "Assignee removed",
    description: "Someone was unassigned from a record (one event per person).",
  },
  TODO_TAG_ADDED: {
    group: "records",
    kind: "update",
    label: "Tag added to record",
    description: "A tag was put on a record (one event per tag).",
  },
  TODO_TAG_REMOVED: {
    group: "records",
    kind: "update",
    label: "Tag removed from record",
    description: "A tag was taken off a record (one event per tag).",
  },
  TODO_CUSTOM_FIELD_UPDATED: {
    group: "records",
    kind: "update",
    label: "Custom field value changed",
    description: "A record's value for a custom field was set, changed or cleared.",
  },
  TODO_CHECKLIST_CREATED: {
    group: "checklists",
    kind: "create",
    label: "Checklist created",
    description: "A checklist was added to a record.",
  },
  TODO_CHECKLIST_NAME_CHANGED: {
    group: "checklists",
    kind: "update",
    label: "Checklist renamed",
    description: "A checklist's title changed.",
  },
  TODO_CHECKLIST_DELETED: {
    group: "checklists",
    kind: "delete",
    label: "Checklist deleted",
    description: "A checklist was removed from a record.",
  },
  TODO_CHECKLIST_ITEM_CREATED: {
    group: "checklists",
    kind: "create",
    label: "Checklist item created",
    description: "An item was added to a checklist.",
  },
  TODO_CHECKLIST_ITEM_NAME_CHANGED: {
    group: "checklists",
    kind: "update",
    label: "Checklist item renamed",
    description: "A checklist item's title changed.",
  },
  TODO_CHECKLIST_ITEM_DELETED: {
    group: "checklists",
    kind: "delete",
    label: "Checklist item deleted",
    description: "A checklist item was removed.",
  },
  TODO_CHECKLIST_ITEM_DUE_DATE_ADDED: {
    group: "checklists",
    kind: "update",
    label: "Checklist item due date added",
    description: "A checklist item got a due date.",
  },
  TODO_CHECKLIST_ITEM_DUE_DATE_UPDATED: {
    group: "checklists",
    kind: "update",
    label: "Checklist item due date changed",
    description: "A checklist item's due date moved.",
  },
  TODO_CHECKLIST_ITEM_DUE_DATE_REMOVED: {
    group: "checklists",
    kind: "update",
    label: "Checklist item due date removed",
    description: "A checklist item's due date was cleared.",
  },
  TODO_CHECKLIST_ITEM_ASSIGNEE_ADDED: {
    group: "checklists",
    kind: "update",
    label: "Checklist item assignee added",
    description: "Someone was assigned to a checklist item.",
  },
  TODO_CHECKLIST_ITEM_ASSIGNEE_REMOVED: {
    group: "checklists",
    kind: "update",
    label: "Checklist item assignee removed",
    description: "Someone was unassigned from a checklist item.",
  },
  TODO_CHECKLIST_ITEM_DONE_STATUS_UPDATED: {
    group: "checklists",
    kind: "update",
    label: "Checklist item checked or unchecked",
    description: "A checklist item was marked done or not done.",
  },
  TODO_LIST_CREATED: {
    group: "lists",
    kind: "create",
    label: "List created",
    description: "A list was added to a project.",
  },
  TODO_LIST_DELETED: {
    group: "lists",
    kind: "delete",
    label: "List deleted",
    description: "A list was deleted with its records.",
  },
  TODO_LIST_NAME_CHANGED: {
    group: "lists",
    kind: "update",
    label: "List renamed",
    description: "A list's title changed.",
  },
  CUSTOM_FIELD_CREATED: {
    group: "customFields",
    kind: "create",
    label: "Custom field created",
    description: "A custom field was added to a project.",
  },
  CUSTOM_FIELD_DELETED: {
    group: "customFields",
    kind: "delete",
    label: "Custom field deleted",
    description: "A custom field was removed from a project, with its values.",
  },
  CUSTOM_FIELD_UPDATED: {
    group: "customFields",
    kind: "update",
    label: "Custom field changed",
    description: "A custom field's name, description or options changed.",
  },
  TAG_CREATED: { group: "tags", kind: "create", label: "Tag created", description: "A tag was added to a project." },
  TAG_DELETED: {
    group: "tags",
    kind: "delete",
    label: "Tag deleted",
    description: "A tag was removed from a project and its records.",
  },
  TAG_UPDATED: { group: "tags", kind: "update", label: "Tag changed", description: "A tag's title or colour changed." },
  COMMENT_CREATED: {
    group: "comments",
    kind: "create",
    label: "Comment added",
    description: "Someone commented on a record.",
  },
  COMMENT_DELETED: {
    group: "comments",
    kind: "delete",
    label: "Comment deleted",
    description: "A comment was deleted.",
  },
  COMMENT_UPDATED: {
    group: "comments",
    kind: "update",
    label: "Comment edited",
    description: "A comment's text was edited.",
  },
  PROJECT_CREATED: {
    group: "projects",
    kind: "create",
    label: "Project created",
    description: "A project was added to a company; its creator is its owner.",
  },
  PROJECT_UPDATED: {
    group: "projects",
    kind: "update",
    label: "Project renamed",
    description: "A project's name changed.",
  },
  PROJECT_ARCHIVED: {
    group: "projects",
    kind: "update",
    label: "Project archived or restored",
    description: "A project was archived (read-only) or restored; currentValue.archivedAt says which.",
  },
  PROJECT_DELETED: {
    group: "projects",
    kind: "delete",
    label: "Project deleted",
    description: "A project was deleted with its records (also when its company is deleted).",
  },
  PROJECT_MEMBER_ADDED: {
    group: "projectMembers",
    kind: "create",
    label: "Member added",
    description: "Someone joined a project: added by an owner or admin, or by accepting an invitation.",
  },
  PROJECT_MEMBER_REMOVED: {
    group: "projectMembers",
    kind: "delete",
    label: "Member removed",
    description: "Someone left or was removed from a project (also when removed from its company).",
  },
  PROJECT_MEMBER_ROLE_CHANGED: {
    group: "projectMembers",
    kind: "update",
    label: "Member role changed",
    description: "A project member's role changed.",
  },
} as const satisfies Record<string, Definition>;

export type EventType = keyof typeof DEFINITIONS;
export const EVENT_TYPES = Object.keys(DEFINITIONS) as EventType[];
export const eventTypeSchema = z.enum(EVENT_TYPES as [EventType, ...EventType[]], {
  // Only a short string is echoed: String() of an array recurses through its nesting, and throws
  // for an object whose toString is not a function.
  error: (issue) =>
    typeof issue.input === "string" && issue.input.length <= 100
      ? `"${issue.input}" is not an event type; see GET /api/v1/event-types`
      : "must be an event type; see GET /api/v1/event-types",
});

/** Delivery-only: sent when a webhook is re-enabled or tested; never subscribable. */
export const HEALTH_CHECK_EVENT = "WEBHOOK_HEALTH_CHECK";

const VALUE_BY_GROUP = {
  records: todoValue,
  checklists: null,
  lists: todoListValue,
  customFields: customFieldValue,
  tags: tagValue,
  comments: commentValue,
  projects: projectValue,
  projectMembers: projectMemberValue,
} as const;

function valueSchemaFor(type: EventType): z.ZodType {
  const { group } = DEFINITIONS[type];
  if (group === "checklists") return type.startsWith("TODO_CHECKLIST_ITEM_") ? checklistItemValue : checklistValue;
  return VALUE_BY_GROUP[group];
}

function payloadSchemaFor(type: EventType) {
  const value = valueSchemaFor(type);
  const { kind } = DEFINITIONS[type];
  return z.object({
    previousValue: kind === "create" ? z.null() : value,
    currentValue: kind === "delete" ? z.null() : value,
  });
}

/** The webhook as every delivery describes it: exactly the keys lib/delivery-engine/payload.ts writes. */
const deliveredWebhook = z.object({
  id: z.string(),
  uid: z.string(),
  name: z.string(),
  url: z.string(),
  status: z.enum(["HEALTHY", "DEGRADED", "UNHEALTHY"]),
  enabled: z.boolean(),
  events: z.array(eventTypeSchema).describe("Empty when the webhook receives all events"),
  projectIds: z.array(z.string()).describe("Empty when the webhook covers all projects"),
});

/** The whole body a receiver gets for an event of this type, keys in the order they are sent. */
function bodySchemaFor(type: EventType) {
  return z.object({
    id: z.string().describe("The event's id (a test delivery has one of its own)"),
    timestamp: z.iso.datetime().describe("When the event happened, in UTC"),
    event: z.literal(type),
    webhook: deliveredWebhook,
    ...payloadSchemaFor(type).shape,
  });
}

export type EventTypeInfo = Definition & {
  type: EventType;
  /** previousValue and currentValue, as stored with the event. */
  payloadSchema: ReturnType<typeof payloadSchemaFor>;
  /** The delivered body: the payload plus id, timestamp, event and webhook. */
  bodySchema: ReturnType<typeof bodySchemaFor>;
};

export const EVENT_CATALOG: Record<EventType, EventTypeInfo> = Object.fromEntries(
  EVENT_TYPES.map((type) => [
    type,
    { type, ...DEFINITIONS[type], payloadSchema: payloadSchemaFor(type), bodySchema: bodySchemaFor(type) },
  ]),
) as Record<EventType, EventTypeInfo>;

export function isEventType(value: string): value is EventType {
  return Object.hasOwn(DEFINITIONS, value);
}

/** The catalog grouped for pickers and GET /api/v1/event-types, in Blue's order, ours last. */
export function groupedEventTypes() {
  return EVENT_GROUPS.map((g) => ({
    id: g.id,
    label: g.label,
    events: EVENT_TYPES.filter((t) => DEFINITIONS[t].group === g.id).map((type) => ({
      type,
      label: DEFINITIONS[type].label,
      description: DEFINITIONS[type].description,
    })),
  }));
}

/** The JSON Schema (draft 2020-12) of the delivered body, for receivers to validate against. */
export function bodyJsonSchema(type: EventType) {
  return z.toJSONSchema(EVENT_CATALOG[type].bodySchema, { io: "output", unrepresentable: "any" });
}
