// Does an event meet a webhook's conditions? Pure: the fan-out, the preview and the tests call it
// with the event's payload and, for a comment or checklist event, the state of its record.
//
// Rules read a field's value "now" (after the event; the value before it for a delete) or, for
// $changed / $changedTo / $changedFrom, the value before and after (null before a create and after
// a delete). A rule on a field the event does not carry does not hold, whatever its operator.
import { EVENT_CATALOG, isEventType } from "../events/catalog";
import type { TodoValue } from "../events/values";
import type {
  ConditionGroup,
  ConditionRule,
  Conditions,
  NestedConditionGroup,
} from "../validations/webhook-conditions";
import { isGroup } from "../validations/webhook-conditions";
import { eventCarriesField, FIELDS, type FieldSource, needsRecordContext } from "./fields";

/**
 * The fields of a record that rules read. An absent member is not known (a comment on a record
 * deleted since carries only the record's list and title).
 */
export type RecordState = {
  listId: string;
  title: string;
  done?: boolean;
  dueDate?: string | null;
  tagIds?: string[];
  assigneeIds?: string[];
  /** Custom field id → value; a field without a value is absent. */
  customFields?: Record<string, unknown>;
};

export type EvaluationEvent = {
  type: string;
  data: { previousValue: unknown; currentValue: unknown };
  /** For comment and checklist events: the record they are on, as it is now (null: deleted). */
  context?: { record?: RecordState | null };
};

export type FailedRule = { path: string; field: string; operator: string };

export type Evaluation = {
  matched: boolean;
  failedRule: FailedRule | null;
  /** Every rule and nested group, in order, by path (`rules[1].rules[0]`). */
  results: Array<{ path: string; passed: boolean }>;
};

export function recordStateOf(todo: TodoValue): RecordState {
  return {
    listId: todo.todoList.id,
    title: todo.title,
    done: todo.done,
    dueDate: todo.duedAt,
    tagIds: todo.tags.map((t) => t.id),
    assigneeIds: todo.assignees.map((a) => a.id),
    customFields: Object.fromEntries(
      todo.customFields.flatMap((c) => (c.value === undefined ? [] : [[c.customField.id, c.value]])),
    ),
  };
}

/** A payload's record state, worked out once per payload however many webhooks' rules read it. */
const statesOfPayloads = new WeakMap<object, RecordState>();

/** Where a payload made with its record state carries it (a property: no WeakMap entry to collect). */
const RECORD_STATE = Symbol("record state");

/**
 * A record payload given with its record state worked out already (the preview reads the state's
 * values straight out of stored payloads): the evaluator reads `state` for it, not its members.
 */
export function payloadWithState<T extends object>(payload: T, state: RecordState): T {
  (payload as { [RECORD_STATE]?: RecordState })[RECORD_STATE] = state;
  return payload;
}

function recordStateOfPayload(value: object): RecordState {
  const given = (value as { [RECORD_STATE]?: RecordState })[RECORD_STATE];
  if (given) return given;
  let state = statesOfPayloads.get(value);
  if (!state) {
    state = recordStateOf(value as TodoValue);
    statesOfPayloads.set(value, state);
  }
  return state;
}

type TodoRef = { id: string; title: string; todoList: { id: string } };

/** The record a comment, checklist or checklist item is on, as its payload names it. */
function todoRefOf(value: unknown): TodoRef | null {
  if (typeof value !== "object" || value === null) return null;
  const v = value as { todo?: TodoRef; checklist?: { todo?: TodoRef } };
  return v.todo ?? v.checklist?.todo ?? null;
}

/** The field's value before and after the event, and "now"; null when the event does not carry it. */
type Sides = { before: unknown; after: unknown; now: unknown };

const NOT_CARRIED = undefined;

function pick(state: RecordState, rule: ConditionRule): unknown {
  switch (rule.field) {
    case "record.list":
      return state.listId;
    case "record.title":
      return state.title;
    case "record.done":
      return state.done;
    case "record.dueDate":
      return state.dueDate;
    case "record.tags":
      return state.tagIds;
    case "record.assignees":
      return state.assigneeIds;
    case "record.customField":
      if (!state.customFields) return NOT_CARRIED;
      return Object.hasOwn(state.customFields, rule.customFieldId ?? "")
        ? state.customFields[rule.customFieldId ?? ""]
        : null;
    default:
      return NOT_CARRIED;
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null;

/** The field's value in one side of the payload (before or after the event). */
function readSide(side: unknown, source: FieldSource, rule: ConditionRule): unknown {
  if (!isObject(side)) return null;
  if (source === "record") return pick(recordStateOfPayload(side), rule);
  if (source === "comment") return (side.author as { id?: string } | undefined)?.id ?? NOT_CARRIED;
  return side.done;
}

function sidesOf(rule: ConditionRule, event: EvaluationEvent): Sides | null {
  if (!isEventType(event.type) || !eventCarriesField(event.type, rule.field)) return null;
  const { previousValue, currentValue } = event.data;
  const latest = currentValue ?? previousValue;
  const source = FIELDS[rule.field].source;
  if (source === "record" && EVENT_CATALOG[event.type].group !== "records") {
    // The event does not change its record: the list and title its payload names, the rest as
    // the record is now (see needsRecordContext).
    const ref = todoRefOf(latest);
    if (!ref) return null;
    const state: RecordState = { ...event.context?.record, listId: ref.todoList.id, title: ref.title };
    const value = pick(state, rule);
    return value === NOT_CARRIED ? null : { before: value, after: value, now: value };
  }
  const before = readSide(previousValue, source, rule);
  const after = readSide(currentValue, source, rule);
  if (before === NOT_CARRIED || after === NOT_CARRIED) return null;
  return { before, after, now: isObject(currentValue) ? after : before };
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

/** A date rule's value as the instants it compares with: a plain date covers its whole UTC day. */
function dateBounds(value: string): { start: number; end: number } {
  const start = Date.parse(DATE_ONLY.test(value) ? `${value}T00:00:00Z` : value);
  return { start, end: DATE_ONLY.test(value) ? start + DAY_MS : start };
}

function compare(operator: "$gt" | "$gte" | "$lt" | "$lte", actual: unknown, value: unknown): boolean {
  if (typeof value === "number") {
    if (typeof actual !== "number") return false;
    if (operator === "$gt") return actual > value;
    if (operator === "$gte") return actual >= value;
    if (operator === "$lt") return actual < value;
    return actual <= value;
  }
  if (typeof value !== "string" || typeof actual !== "string") return false;
  const t = Date.parse(DATE_ONLY.test(actual) ? `${actual}T00:00:00Z` : actual);
  if (Number.isNaN(t)) return false;
  const { start, end } = dateBounds(value);
  // "After June 5" starts when June 5 ends; "before June 5" ends when it starts.
  if (operator === "$gt") return DATE_ONLY.test(value) ? t >= end : t > start;
  if (operator === "$gte") return t >= start;
  if (operator === "$lt") return t < start;
  return DATE_ONLY.test(value) ? t < end : t <= start;
}

const asSet = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

function isSet(v: unknown): boolean {
  if (v === null || v === undefined || v === "") return false;
  return !Array.isArray(v) || v.length > 0;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) || Array.isArray(b)) {
    const x = new Set(asSet(a));
    const y = new Set(asSet(b));
    return x.size === y.size && [...x].every((v) => y.has(v));
  }
  return a === b;
}

function isIn(actual: unknown, list: unknown): boolean {
  const ids = asSet(list);
  if (Array.isArray(actual)) return actual.some((v) => ids.includes(v));
  return actual !== null && ids.includes(actual);
}

function holdsNow(rule: ConditionRule, actual: unknown): boolean {
  const { value } = rule;
  switch (rule.operator) {
    // A checkbox never set reads as unchecked.
    case "$eq":
      return typeof value === "boolean" ? (actual ?? false) === value : actual === value;
    case "$neq":
      return actual !== value;
    case "$in":
      return isIn(actual, value);
    case "$nin":
      return !isIn(actual, value);
    case "$contains":
      if (Array.isArray(actual)) return actual.includes(value);
      return typeof actual === "string" && typeof value === "string"
        ? actual.toLocaleLowerCase().includes(value.toLocaleLowerCase())
        : false;
    case "$exist":
      return isSet(actual) === value;
    case "$gt":
    case "$gte":
    case "$lt":
    case "$lte":
      return compare(rule.operator, actual, value);
    default:
      return false;
  }
}

function holds(rule: ConditionRule, event: EvaluationEvent): boolean {
  const sides = sidesOf(rule, event);
  if (!sides) return false;
  const { before, after } = sides;
  const { value } = rule;
  const setLike = Array.isArray(before) || Array.isArray(after);
  switch (rule.operator) {
    case "$changed":
      return !sameValue(before, after);
    case "$changedTo":
      return setLike
        ? asSet(after).includes(value) && !asSet(before).includes(value)
        : before !== value && after === value;
    case "$changedFrom":
      return setLike
        ? asSet(before).includes(value) && !asSet(after).includes(value)
        : before === value && after !== value;
    default:
      return holdsNow(rule, sides.now);
  }
}

type GroupResult = { passed: boolean; failedRule: FailedRule | null };

function evaluateGroup(
  group: ConditionGroup | NestedConditionGroup,
  prefix: string,
  event: EvaluationEvent,
  results: Evaluation["results"],
): GroupResult {
  const children = group.rules.map((item, i): GroupResult => {
    const path = `${prefix}rules[${i}]`;
    if (isGroup(item)) {
      const at = results.push({ path, passed: false }) - 1;
      const result = evaluateGroup(item, `${path}.`, event, results);
      results[at].passed = result.passed;
      return result;
    }
    const passed = holds(item, event);
    results.push({ path, passed });
    return { passed, failedRule: passed ? null : { path, field: item.field, operator: item.operator } };
  });
  const passed = group.match === "all" ? children.every((c) => c.passed) : children.some((c) => c.passed);
  // "all" fails on its first failing rule; "any" fails on all of them, so the first names it.
  const failedRule = passed ? null : (children.find((c) => !c.passed)?.failedRule ?? null);
  return { passed, failedRule };
}

export function evaluateConditions(conditions: Conditions, event: EvaluationEvent): Evaluation {
  if (!conditions) return { matched: true, failedRule: null, results: [] };
  const results: Evaluation["results"] = [];
  const { passed, failedRule } = evaluateGroup(conditions, "", event, results);
  return { matched: passed, failedRule, results };
}

/** Does evaluating these conditions on an event of this type read its record's state? */
export function conditionsNeedRecord(conditions: Conditions, eventType: string): boolean {
  if (!conditions || !isEventType(eventType)) return false;
  return conditions.rules.some((item) =>
    (isGroup(item) ? item.rules : [item]).some((rule) => needsRecordContext(eventType, rule.field)),
  );
}
