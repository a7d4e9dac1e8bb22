// Events and records for the conditions tests (unit and property-based): small id pools, so that
// generated rules and records meet often.
import fc from "fast-check";
import type { EventType } from "../events/catalog";
import type { CustomFieldValue, TodoValue } from "../events/values";
import type { ConditionRule } from "../validations/webhook-conditions";
import { type EvaluationEvent, type RecordState, recordStateOf } from "./evaluate";
import {
  type CustomFieldType,
  FIELD_KEYS,
  operatorsFor,
  REFERENCE_OF,
  type ValueType,
  valueShapeOf,
  valueTypeOf,
} from "./fields";

export const LISTS = ["lst_todo", "lst_doing", "lst_done"];
export const TAGS = ["tag_urgent", "tag_bug", "tag_later"];
export const USERS = ["usr_dana", "usr_sam", "usr_lee"];
export const OPTIONS = ["opt_high", "opt_mid", "opt_low"];

/** One custom field per value type. */
export const CUSTOM_FIELDS: Record<string, CustomFieldType> = {
  cf_text: "TEXT_SINGLE",
  cf_number: "NUMBER",
  cf_check: "CHECKBOX",
  cf_date: "DATE",
  cf_select: "SELECT_SINGLE",
  cf_multi: "SELECT_MULTI",
};

const T0 = "2026-06-01T09:30:00.000Z";
const project = { id: "prj_site", name: "Website", company: { id: "cmp", name: "Acme" } };
const user = (id: string) => ({ id, name: id, email: `${id}@example.com` });

export type TodoShape = {
  list?: string;
  title?: string;
  done?: boolean;
  due?: string | null;
  tags?: string[];
  assignees?: string[];
  fields?: Record<string, unknown>;
};

export function todo(shape: TodoShape = {}): TodoValue {
  return {
    id: "tdo_1",
    title: shape.title ?? "Publish the pricing page",
    text: "",
    position: 1,
    startedAt: null,
    duedAt: shape.due ?? null,
    done: shape.done ?? false,
    archived: false,
    createdAt: T0,
    updatedAt: T0,
    createdBy: user("usr_dana"),
    todoList: { id: shape.list ?? "lst_todo", title: "List", project },
    assignees: (shape.assignees ?? []).map(user),
    tags: (shape.tags ?? []).map((id) => ({ id, title: id, color: "#112233" })),
    customFields: Object.entries(shape.fields ?? {}).map(([id, value]) => ({
      customField: { id, name: id, type: CUSTOM_FIELDS[id] as CustomFieldValue["type"] },
      value,
    })),
  };
}

export const recordEvent = (type: EventType, before: TodoValue | null, after: TodoValue | null): EvaluationEvent => ({
  type,
  data: { previousValue: before, currentValue: after },
});

const todoRef = (t: TodoValue) => ({ id: t.id, title: t.title, todoList: t.todoList });

export function commentEvent(
  type: "COMMENT_CREATED" | "COMMENT_UPDATED" | "COMMENT_DELETED",
  author: string,
  on: TodoValue,
  record?: RecordState | null,
): EvaluationEvent {
  const comment = { id: "cmt_1", text: "Hi", createdAt: T0, updatedAt: T0, author: user(author), todo: todoRef(on) };
  return {
    type,
    data: {
      previousValue: type === "COMMENT_CREATED" ? null : comment,
      currentValue: type === "COMMENT_DELETED" ? null : comment,
    },
    context: record === undefined ? undefined : { record },
  };
}

export function checklistItemEvent(
  type: EventType,
  before: boolean | null,
  after: boolean | null,
  on: TodoValue,
  record?: RecordState | null,
): EvaluationEvent {
  const item = (done: boolean) => ({
    id: "itm_1",
    title: "Item",
    done,
    duedAt: null,
    position: 1,
    createdAt: T0,
    updatedAt: T0,
    assignees: [],
    checklist: { id: "chk_1", title: "Checklist", todo: todoRef(on) },
  });
  return {
    type,
    data: { previousValue: before === null ? null : item(before), currentValue: after === null ? null : item(after) },
    context: record === undefined ? undefined : { record },
  };
}

// --- Arbitraries for the property-based tests ---

const DATES = ["2026-06-04", "2026-06-05", "2026-06-05T17:00:00.000Z", "2026-06-06T00:00:00.000Z"];
const TEXTS = ["Launch", "launch the site", "Fix bug", ""];
const subset = (pool: string[]) => fc.subarray(pool);

const customValue: Record<CustomFieldType, fc.Arbitrary<unknown>> = {
  TEXT_SINGLE: fc.constantFrom(...TEXTS.filter(Boolean)),
  TEXT_MULTI: fc.constantFrom(...TEXTS.filter(Boolean)),
  URL: fc.constant("https://example.com"),
  EMAIL: fc.constant("a@example.com"),
  NUMBER: fc.integer({ min: -3, max: 3 }),
  CURRENCY: fc.integer({ min: -3, max: 3 }),
  PERCENT: fc.integer({ min: -3, max: 3 }),
  RATING: fc.integer({ min: 0, max: 5 }),
  CHECKBOX: fc.boolean(),
  DATE: fc.constantFrom(...DATES),
  SELECT_SINGLE: fc.constantFrom(...OPTIONS),
  SELECT_MULTI: subset(OPTIONS),
};

export const todoArb: fc.Arbitrary<TodoValue> = fc
  .record({
    list: fc.constantFrom(...LISTS),
    title: fc.constantFrom(...TEXTS.filter(Boolean)),
    done: fc.boolean(),
    due: fc.option(fc.constantFrom(...DATES.filter((d) => d.includes("T"))), { nil: null }),
    tags: subset(TAGS),
    assignees: subset(USERS),
    fields: fc.record(Object.fromEntries(Object.entries(CUSTOM_FIELDS).map(([id, type]) => [id, customValue[type]])), {
      requiredKeys: [],
    }),
  })
  .map(todo);

const RECORD_EVENT_TYPES: EventType[] = ["TODO_MOVED", "TODO_TAG_ADDED", "TODO_CUSTOM_FIELD_UPDATED"];

/** Any event: a record's create, change or delete, a comment, a checklist item change, or a list event. */
export const eventArb: fc.Arbitrary<EvaluationEvent> = fc.oneof(
  todoArb.map((t) => recordEvent("TODO_CREATED", null, t)),
  todoArb.map((t) => recordEvent("TODO_DELETED", t, null)),
  fc.tuple(fc.constantFrom(...RECORD_EVENT_TYPES), todoArb, todoArb).map(([type, a, b]) => recordEvent(type, a, b)),
  fc
    .tuple(
      fc.constantFrom("COMMENT_CREATED" as const, "COMMENT_UPDATED" as const),
      fc.constantFrom(...USERS),
      todoArb,
      fc.boolean(),
    )
    .map(([type, author, t, known]) => commentEvent(type, author, t, known ? recordStateOf(t) : null)),
  fc
    .tuple(fc.boolean(), fc.boolean(), todoArb)
    .map(([a, b, t]) => checklistItemEvent("TODO_CHECKLIST_ITEM_DONE_STATUS_UPDATED", a, b, t, recordStateOf(t))),
  fc.constant<EvaluationEvent>({ type: "TODO_LIST_CREATED", data: { previousValue: null, currentValue: {} } }),
);

const POOL_OF = { list: LISTS, tag: TAGS, user: USERS, option: OPTIONS } as const;

function valueArb(type: ValueType, operator: ConditionRule["operator"]): fc.Arbitrary<unknown> {
  const ref = REFERENCE_OF[type];
  const pool = ref ? POOL_OF[ref] : [];
  switch (valueShapeOf(type, operator)) {
    case "none":
      return fc.constant(undefined);
    case "exist":
    case "boolean":
      return fc.boolean();
    case "ids":
      return fc.subarray(pool, { minLength: 1 });
    case "one":
      return fc.constantFrom(...pool);
    case "text":
      return fc.constantFrom(...TEXTS.filter(Boolean), "LAUNCH");
    case "number":
      return fc.integer({ min: -3, max: 3 });
    case "date":
      return fc.constantFrom(...DATES);
  }
}

/** A valid rule on any field, with values from the same pools as the records. */
export const ruleArb: fc.Arbitrary<ConditionRule> = fc
  .tuple(fc.constantFrom(...FIELD_KEYS), fc.constantFrom(...Object.keys(CUSTOM_FIELDS)))
  .chain(([field, customFieldId]) => {
    const cfType = field === "record.customField" ? CUSTOM_FIELDS[customFieldId] : undefined;
    const type = valueTypeOf(field, cfType) as ValueType;
    return fc.constantFrom(...operatorsFor(field, cfType)).chain((operator) =>
      valueArb(type, operator).map((value) => {
        const rule: ConditionRule = { field, operator };
        if (cfType) rule.customFieldId = customFieldId;
        if (value !== undefined) rule.value = value;
        return rule;
      }),
    );
  });
