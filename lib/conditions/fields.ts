// The catalogue of webhook conditions: which fields a rule can test, their types, the operators
// each type takes and the value each operator expects, and which event types carry which field.
// One pure module read by the conditions schema, the evaluator, the builder UI and the OpenAPI text.
import { EVENT_CATALOG, type EventType } from "../events/catalog";
import type { CustomFieldValue } from "../events/values";

export const FIELD_KEYS = [
  "record.list",
  "record.tags",
  "record.assignees",
  "record.done",
  "record.dueDate",
  "record.title",
  "record.customField",
  "comment.author",
  "checklistItem.done",
] as const;
export type FieldKey = (typeof FIELD_KEYS)[number];

/** Named as in Convoy / Hookdeck Outpost where the meaning is the same. */
export const OPERATORS = [
  "$eq",
  "$neq",
  "$in",
  "$nin",
  "$contains",
  "$exist",
  "$gt",
  "$gte",
  "$lt",
  "$lte",
  "$changed",
  "$changedTo",
  "$changedFrom",
] as const;
export type Operator = (typeof OPERATORS)[number];

/** The transition operators: they compare the value before the event with the value after it. */
export const TRANSITION_OPERATORS: readonly Operator[] = ["$changed", "$changedTo", "$changedFrom"];

/**
 * The value types of fields. `list`, `person` and `option` are one id; `tags`, `people` and
 * `options` are sets of ids; a date is ISO 8601.
 */
export const VALUE_TYPES = [
  "list",
  "tags",
  "people",
  "person",
  "option",
  "options",
  "boolean",
  "date",
  "text",
  "number",
] as const;
export type ValueType = (typeof VALUE_TYPES)[number];

/** What the ids of a type name, for the builder's pickers and the reference checks. */
export type ReferenceKind = "list" | "tag" | "user" | "option";

export const REFERENCE_OF: Record<ValueType, ReferenceKind | null> = {
  list: "list",
  tags: "tag",
  people: "user",
  person: "user",
  option: "option",
  options: "option",
  boolean: null,
  date: null,
  text: null,
  number: null,
};

/** Sets of ids: $contains / $changedTo / $changedFrom take one id of the set. */
export const SET_TYPES: readonly ValueType[] = ["tags", "people", "options"];

const SET_OPERATORS: Operator[] = ["$contains", "$in", "$nin", "$exist", "$changed", "$changedTo", "$changedFrom"];

export const OPERATORS_BY_TYPE: Record<ValueType, readonly Operator[]> = {
  list: ["$eq", "$neq", "$in", "$nin", "$changed", "$changedTo", "$changedFrom"],
  tags: SET_OPERATORS,
  people: SET_OPERATORS,
  options: SET_OPERATORS,
  person: ["$eq", "$neq", "$in", "$nin"],
  option: ["$eq", "$neq", "$in", "$nin", "$exist", "$changed", "$changedTo", "$changedFrom"],
  boolean: ["$eq", "$changed", "$changedTo"],
  date: ["$gt", "$lt", "$exist", "$changed"],
  text: ["$eq", "$neq", "$contains", "$exist", "$changed"],
  number: ["$eq", "$neq", "$gt", "$gte", "$lt", "$lte", "$exist", "$changed", "$changedTo", "$changedFrom"],
};

/** How a type is named in error messages: `"$gt" does not apply to a list`. */
export const TYPE_NOUN: Record<ValueType, string> = {
  list: "a list",
  tags: "tags",
  people: "assignees",
  person: "a person",
  option: "a single-choice field",
  options: "a multiple-choice field",
  boolean: "a yes/no field",
  date: "a date",
  text: "text",
  number: "a number",
};

export type CustomFieldType = CustomFieldValue["type"];

export const CUSTOM_FIELD_VALUE_TYPE: Record<CustomFieldType, ValueType> = {
  TEXT_SINGLE: "text",
  TEXT_MULTI: "text",
  URL: "text",
  EMAIL: "text",
  NUMBER: "number",
  CURRENCY: "number",
  PERCENT: "number",
  RATING: "number",
  CHECKBOX: "boolean",
  DATE: "date",
  SELECT_SINGLE: "option",
  SELECT_MULTI: "options",
};

/** Where a field's value comes from: the record (its own events, or the one a comment or checklist is on). */
export type FieldSource = "record" | "comment" | "checklistItem";

export const FIELDS: Record<FieldKey, { type: ValueType | "customField"; source: FieldSource; label: string }> = {
  "record.list": { type: "list", source: "record", label: "Record's list" },
  "record.tags": { type: "tags", source: "record", label: "Record's tags" },
  "record.assignees": { type: "people", source: "record", label: "Record's assignees" },
  "record.done": { type: "boolean", source: "record", label: "Record is done" },
  "record.dueDate": { type: "date", source: "record", label: "Record's due date" },
  "record.title": { type: "text", source: "record", label: "Record's title" },
  "record.customField": { type: "customField", source: "record", label: "Record's custom field" },
  "comment.author": { type: "person", source: "comment", label: "Comment's author" },
  "checklistItem.done": { type: "boolean", source: "checklistItem", label: "Checklist item is done" },
};

/** The value type of a field; a custom field's comes from the field's own type. */
export function valueTypeOf(field: FieldKey, customFieldType?: CustomFieldType): ValueType | null {
  const type = FIELDS[field].type;
  if (type !== "customField") return type;
  return customFieldType ? CUSTOM_FIELD_VALUE_TYPE[customFieldType] : null;
}

/** The operators a field takes (for a custom field, those of its type). */
export function operatorsFor(field: FieldKey, customFieldType?: CustomFieldType): readonly Operator[] {
  const type = valueTypeOf(field, customFieldType);
  return type ? OPERATORS_BY_TYPE[type] : [];
}

/** Every operator some custom field type takes: what a custom field rule may name before its field is known. */
export const CUSTOM_FIELD_OPERATORS: readonly Operator[] = OPERATORS.filter((op) =>
  Object.values(CUSTOM_FIELD_VALUE_TYPE).some((t) => OPERATORS_BY_TYPE[t].includes(op)),
);

/**
 * What an operator expects as `value` for a type: nothing ($changed), true/false ($exist), one
 * value of the type's element, or a list of ids ($in / $nin).
 */
export type ValueShape = "none" | "exist" | "one" | "ids" | "text" | "number" | "date" | "boolean";

export function valueShapeOf(type: ValueType, operator: Operator): ValueShape {
  if (operator === "$changed") return "none";
  if (operator === "$exist") return "exist";
  if (operator === "$in" || operator === "$nin") return "ids";
  if (operator === "$gt" || operator === "$gte" || operator === "$lt" || operator === "$lte")
    return type === "date" ? "date" : "number";
  if (type === "text" || type === "number" || type === "boolean") return type;
  return "one";
}

export function isSetType(type: ValueType): boolean {
  return SET_TYPES.includes(type);
}

/** Do events of this type carry the field? A rule on a field its event does not carry does not hold. */
export function eventCarriesField(eventType: EventType, field: FieldKey): boolean {
  const { group } = EVENT_CATALOG[eventType];
  switch (FIELDS[field].source) {
    case "record":
      return group === "records" || group === "comments" || group === "checklists";
    case "comment":
      return group === "comments";
    case "checklistItem":
      return eventType.startsWith("TODO_CHECKLIST_ITEM_");
  }
}

/**
 * Does a rule on this field read the record context of an event of this type? A comment or
 * checklist payload names its record's list and title; its other fields come from the record as it
 * is when the event is fanned out (one query per event, only when a rule needs it).
 */
export function needsRecordContext(eventType: EventType, field: FieldKey): boolean {
  const { group } = EVENT_CATALOG[eventType];
  if (group !== "comments" && group !== "checklists") return false;
  return FIELDS[field].source === "record" && field !== "record.list" && field !== "record.title";
}
