import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ConditionRule } from "../validations/webhook-conditions";
import { conditionsNeedRecord, type EvaluationEvent, evaluateConditions, recordStateOf } from "./evaluate";
import { CUSTOM_FIELD_VALUE_TYPE, OPERATORS_BY_TYPE, type ValueType, valueTypeOf } from "./fields";
import {
  CUSTOM_FIELDS,
  checklistItemEvent,
  commentEvent,
  eventArb,
  recordEvent,
  ruleArb,
  todo,
  todoArb,
} from "./test-fixtures";

const one = (rule: ConditionRule, event: EvaluationEvent) =>
  evaluateConditions({ match: "all", rules: [rule] }, event).matched;

const cf = (id: keyof typeof CUSTOM_FIELDS, operator: ConditionRule["operator"], value?: unknown): ConditionRule => ({
  field: "record.customField",
  customFieldId: id,
  operator,
  ...(value === undefined ? {} : { value }),
});
const rule = (field: ConditionRule["field"], operator: ConditionRule["operator"], value?: unknown): ConditionRule => ({
  field,
  operator,
  ...(value === undefined ? {} : { value }),
});

const moved = (from: string, to: string) => recordEvent("TODO_MOVED", todo({ list: from }), todo({ list: to }));
const retagged = (before: string[], after: string[]) =>
  recordEvent("TODO_TAG_ADDED", todo({ tags: before }), todo({ tags: after }));
const reassigned = (before: string[], after: string[]) =>
  recordEvent("TODO_ASSIGNEE_ADDED", todo({ assignees: before }), todo({ assignees: after }));
const fieldChanged = (id: string, before: unknown, after: unknown) =>
  recordEvent(
    "TODO_CUSTOM_FIELD_UPDATED",
    todo({ fields: before === null ? {} : { [id]: before } }),
    todo({ fields: after === null ? {} : { [id]: after } }),
  );
const doneChanged = (before: boolean, after: boolean) =>
  recordEvent("TODO_DONE_STATUS_UPDATED", todo({ done: before }), todo({ done: after }));
const due = (before: string | null, after: string | null) =>
  recordEvent("TODO_DUE_DATE_UPDATED", todo({ due: before }), todo({ due: after }));
const renamed = (before: string, after: string) =>
  recordEvent("TODO_NAME_CHANGED", todo({ title: before }), todo({ title: after }));
const comment = (author: string) => commentEvent("COMMENT_CREATED", author, todo());

type Case = [type: ValueType, name: string, rule: ConditionRule, event: EvaluationEvent, holds: boolean];

// Each operator of each type, at least once holding and once not (checked by the test below).
const CASES: Case[] = [
  // list
  ["list", "is Done", rule("record.list", "$eq", "lst_done"), moved("lst_todo", "lst_done"), true],
  ["list", "is Done (elsewhere)", rule("record.list", "$eq", "lst_done"), moved("lst_done", "lst_todo"), false],
  ["list", "is not Done", rule("record.list", "$neq", "lst_done"), moved("lst_done", "lst_todo"), true],
  ["list", "is not Done (in Done)", rule("record.list", "$neq", "lst_done"), moved("lst_todo", "lst_done"), false],
  ["list", "is one of", rule("record.list", "$in", ["lst_done", "lst_doing"]), moved("lst_todo", "lst_doing"), true],
  ["list", "is one of (no)", rule("record.list", "$in", ["lst_done"]), moved("lst_done", "lst_todo"), false],
  ["list", "is none of", rule("record.list", "$nin", ["lst_done"]), moved("lst_done", "lst_todo"), true],
  ["list", "is none of (no)", rule("record.list", "$nin", ["lst_todo"]), moved("lst_done", "lst_todo"), false],
  ["list", "changed", rule("record.list", "$changed"), moved("lst_todo", "lst_done"), true],
  ["list", "changed (renamed only)", rule("record.list", "$changed"), renamed("a", "b"), false],
  ["list", "moved into Done", rule("record.list", "$changedTo", "lst_done"), moved("lst_todo", "lst_done"), true],
  ["list", "moved out of Done", rule("record.list", "$changedTo", "lst_done"), moved("lst_done", "lst_todo"), false],
  ["list", "moved out of Done", rule("record.list", "$changedFrom", "lst_done"), moved("lst_done", "lst_todo"), true],
  ["list", "moved into Done", rule("record.list", "$changedFrom", "lst_done"), moved("lst_todo", "lst_done"), false],
  // tags (a set)
  ["tags", "has urgent", rule("record.tags", "$contains", "tag_urgent"), retagged([], ["tag_urgent"]), true],
  ["tags", "has urgent (no)", rule("record.tags", "$contains", "tag_urgent"), retagged([], ["tag_bug"]), false],
  ["tags", "has any of", rule("record.tags", "$in", ["tag_urgent", "tag_bug"]), retagged([], ["tag_bug"]), true],
  ["tags", "has any of (no)", rule("record.tags", "$in", ["tag_urgent"]), retagged([], ["tag_later"]), false],
  ["tags", "has none of", rule("record.tags", "$nin", ["tag_urgent"]), retagged([], ["tag_later"]), true],
  ["tags", "has none of (no)", rule("record.tags", "$nin", ["tag_urgent"]), retagged([], ["tag_urgent"]), false],
  ["tags", "has tags", rule("record.tags", "$exist", true), retagged([], ["tag_bug"]), true],
  ["tags", "has no tags", rule("record.tags", "$exist", false), retagged(["tag_bug"], []), true],
  ["tags", "has no tags (no)", rule("record.tags", "$exist", false), retagged([], ["tag_bug"]), false],
  ["tags", "changed", rule("record.tags", "$changed"), retagged(["tag_bug"], ["tag_bug", "tag_urgent"]), true],
  ["tags", "changed (same set)", rule("record.tags", "$changed"), retagged(["a", "b"], ["b", "a"]), false],
  ["tags", "urgent added", rule("record.tags", "$changedTo", "tag_urgent"), retagged([], ["tag_urgent"]), true],
  [
    "tags",
    "urgent was already there",
    rule("record.tags", "$changedTo", "tag_urgent"),
    retagged(["tag_urgent"], ["tag_urgent", "tag_bug"]),
    false,
  ],
  ["tags", "urgent removed", rule("record.tags", "$changedFrom", "tag_urgent"), retagged(["tag_urgent"], []), true],
  ["tags", "urgent kept", rule("record.tags", "$changedFrom", "tag_urgent"), retagged([], ["tag_urgent"]), false],
  // people (assignees)
  ["people", "assigned to Sam", rule("record.assignees", "$contains", "usr_sam"), reassigned([], ["usr_sam"]), true],
  ["people", "not Sam", rule("record.assignees", "$contains", "usr_sam"), reassigned([], ["usr_lee"]), false],
  ["people", "any of", rule("record.assignees", "$in", ["usr_sam", "usr_lee"]), reassigned([], ["usr_lee"]), true],
  ["people", "any of (no)", rule("record.assignees", "$in", ["usr_sam"]), reassigned([], ["usr_lee"]), false],
  ["people", "none of", rule("record.assignees", "$nin", ["usr_sam"]), reassigned([], ["usr_lee"]), true],
  ["people", "none of (no)", rule("record.assignees", "$nin", ["usr_sam"]), reassigned([], ["usr_sam"]), false],
  ["people", "assigned", rule("record.assignees", "$exist", true), reassigned([], ["usr_sam"]), true],
  ["people", "assigned (no)", rule("record.assignees", "$exist", true), reassigned(["usr_sam"], []), false],
  ["people", "changed", rule("record.assignees", "$changed"), reassigned([], ["usr_sam"]), true],
  ["people", "changed (no)", rule("record.assignees", "$changed"), reassigned(["usr_sam"], ["usr_sam"]), false],
  ["people", "Sam added", rule("record.assignees", "$changedTo", "usr_sam"), reassigned([], ["usr_sam"]), true],
  ["people", "Sam added (no)", rule("record.assignees", "$changedTo", "usr_sam"), reassigned([], ["usr_lee"]), false],
  ["people", "Sam removed", rule("record.assignees", "$changedFrom", "usr_sam"), reassigned(["usr_sam"], []), true],
  [
    "people",
    "Sam removed (no)",
    rule("record.assignees", "$changedFrom", "usr_sam"),
    reassigned(["usr_sam"], ["usr_sam", "usr_lee"]),
    false,
  ],
  // person (comment author)
  ["person", "by Sam", rule("comment.author", "$eq", "usr_sam"), comment("usr_sam"), true],
  ["person", "by Sam (no)", rule("comment.author", "$eq", "usr_sam"), comment("usr_lee"), false],
  ["person", "not by Sam", rule("comment.author", "$neq", "usr_sam"), comment("usr_lee"), true],
  ["person", "not by Sam (no)", rule("comment.author", "$neq", "usr_sam"), comment("usr_sam"), false],
  ["person", "by one of", rule("comment.author", "$in", ["usr_sam", "usr_lee"]), comment("usr_lee"), true],
  ["person", "by one of (no)", rule("comment.author", "$in", ["usr_sam"]), comment("usr_lee"), false],
  ["person", "by none of", rule("comment.author", "$nin", ["usr_sam"]), comment("usr_lee"), true],
  ["person", "by none of (no)", rule("comment.author", "$nin", ["usr_sam"]), comment("usr_sam"), false],
  // boolean
  ["boolean", "done", rule("record.done", "$eq", true), doneChanged(false, true), true],
  ["boolean", "done (no)", rule("record.done", "$eq", true), doneChanged(true, false), false],
  ["boolean", "done changed", rule("record.done", "$changed"), doneChanged(false, true), true],
  ["boolean", "done changed (no)", rule("record.done", "$changed"), renamed("a", "b"), false],
  ["boolean", "completed", rule("record.done", "$changedTo", true), doneChanged(false, true), true],
  ["boolean", "reopened", rule("record.done", "$changedTo", true), doneChanged(true, false), false],
  [
    "boolean",
    "item checked",
    rule("checklistItem.done", "$changedTo", true),
    checklistItemEvent("TODO_CHECKLIST_ITEM_DONE_STATUS_UPDATED", false, true, todo()),
    true,
  ],
  [
    "boolean",
    "item done",
    rule("checklistItem.done", "$eq", false),
    checklistItemEvent("TODO_CHECKLIST_ITEM_DONE_STATUS_UPDATED", false, true, todo()),
    false,
  ],
  ["boolean", "checkbox checked", cf("cf_check", "$eq", true), fieldChanged("cf_check", false, true), true],
  [
    "boolean",
    "checkbox never set reads unchecked",
    cf("cf_check", "$eq", false),
    fieldChanged("cf_text", null, "x"),
    true,
  ],
  [
    "boolean",
    "checkbox never set is not checked",
    cf("cf_check", "$eq", true),
    fieldChanged("cf_text", null, "x"),
    false,
  ],
  // date
  [
    "date",
    "due after June 5 (the 6th)",
    rule("record.dueDate", "$gt", "2026-06-05"),
    due(null, "2026-06-06T08:00:00Z"),
    true,
  ],
  [
    "date",
    "due after June 5 (on the 5th)",
    rule("record.dueDate", "$gt", "2026-06-05"),
    due(null, "2026-06-05T17:00:00Z"),
    false,
  ],
  [
    "date",
    "due after an instant",
    rule("record.dueDate", "$gt", "2026-06-05T12:00:00Z"),
    due(null, "2026-06-05T17:00:00Z"),
    true,
  ],
  ["date", "due before June 5", rule("record.dueDate", "$lt", "2026-06-05"), due(null, "2026-06-04T23:59:59Z"), true],
  [
    "date",
    "due before June 5 (on it)",
    rule("record.dueDate", "$lt", "2026-06-05"),
    due(null, "2026-06-05T00:00:00Z"),
    false,
  ],
  [
    "date",
    "no due date is not before",
    rule("record.dueDate", "$lt", "2026-06-05"),
    due("2026-06-01T00:00:00Z", null),
    false,
  ],
  ["date", "has a due date", rule("record.dueDate", "$exist", true), due(null, "2026-06-05T17:00:00Z"), true],
  ["date", "has a due date (no)", rule("record.dueDate", "$exist", true), due("2026-06-05T17:00:00Z", null), false],
  [
    "date",
    "due date changed",
    rule("record.dueDate", "$changed"),
    due("2026-06-05T17:00:00Z", "2026-06-06T17:00:00Z"),
    true,
  ],
  ["date", "due date changed (no)", rule("record.dueDate", "$changed"), renamed("a", "b"), false],
  ["date", "custom date after", cf("cf_date", "$gt", "2026-06-04"), fieldChanged("cf_date", null, "2026-06-05"), true],
  [
    "date",
    "custom date after (no)",
    cf("cf_date", "$gt", "2026-06-05"),
    fieldChanged("cf_date", null, "2026-06-05"),
    false,
  ],
  // text
  ["text", "title is", rule("record.title", "$eq", "Launch"), renamed("x", "Launch"), true],
  ["text", "title is (case differs)", rule("record.title", "$eq", "launch"), renamed("x", "Launch"), false],
  ["text", "title is not", rule("record.title", "$neq", "Launch"), renamed("Launch", "x"), true],
  ["text", "title is not (no)", rule("record.title", "$neq", "Launch"), renamed("x", "Launch"), false],
  [
    "text",
    "title contains, any case",
    rule("record.title", "$contains", "LAUNCH"),
    renamed("x", "Big launch day"),
    true,
  ],
  ["text", "title contains (no)", rule("record.title", "$contains", "launch"), renamed("launch", "Fix"), false],
  ["text", "custom text set", cf("cf_text", "$exist", true), fieldChanged("cf_text", null, "x"), true],
  ["text", "custom text cleared", cf("cf_text", "$exist", true), fieldChanged("cf_text", "x", null), false],
  ["text", "title changed", rule("record.title", "$changed"), renamed("a", "b"), true],
  ["text", "title changed (no)", rule("record.title", "$changed"), doneChanged(false, true), false],
  // number
  ["number", "= 3", cf("cf_number", "$eq", 3), fieldChanged("cf_number", 1, 3), true],
  ["number", "= 3 (no)", cf("cf_number", "$eq", 3), fieldChanged("cf_number", 3, 1), false],
  ["number", "≠ 3", cf("cf_number", "$neq", 3), fieldChanged("cf_number", 3, 1), true],
  ["number", "≠ 3 (no)", cf("cf_number", "$neq", 3), fieldChanged("cf_number", 1, 3), false],
  ["number", "> 2", cf("cf_number", "$gt", 2), fieldChanged("cf_number", 1, 3), true],
  ["number", "> 3 (no)", cf("cf_number", "$gt", 3), fieldChanged("cf_number", 1, 3), false],
  ["number", "≥ 3", cf("cf_number", "$gte", 3), fieldChanged("cf_number", 1, 3), true],
  ["number", "≥ 4 (no)", cf("cf_number", "$gte", 4), fieldChanged("cf_number", 1, 3), false],
  ["number", "< 2", cf("cf_number", "$lt", 2), fieldChanged("cf_number", 3, 1), true],
  ["number", "< 1 (no)", cf("cf_number", "$lt", 1), fieldChanged("cf_number", 3, 1), false],
  ["number", "≤ 1", cf("cf_number", "$lte", 1), fieldChanged("cf_number", 3, 1), true],
  ["number", "≤ 1 of an empty value (no)", cf("cf_number", "$lte", 1), fieldChanged("cf_number", 3, null), false],
  ["number", "set", cf("cf_number", "$exist", true), fieldChanged("cf_number", null, 0), true],
  ["number", "empty", cf("cf_number", "$exist", false), fieldChanged("cf_number", null, 0), false],
  ["number", "changed", cf("cf_number", "$changed"), fieldChanged("cf_number", 1, 2), true],
  ["number", "changed (another field)", cf("cf_number", "$changed"), fieldChanged("cf_text", "a", "b"), false],
  ["number", "changed to 3", cf("cf_number", "$changedTo", 3), fieldChanged("cf_number", null, 3), true],
  ["number", "changed to 3 (was 3)", cf("cf_number", "$changedTo", 3), fieldChanged("cf_number", 3, 3), false],
  ["number", "changed from 3", cf("cf_number", "$changedFrom", 3), fieldChanged("cf_number", 3, null), true],
  ["number", "changed from 3 (no)", cf("cf_number", "$changedFrom", 3), fieldChanged("cf_number", 2, 3), false],
  // option (single select)
  ["option", "Priority is High", cf("cf_select", "$eq", "opt_high"), fieldChanged("cf_select", null, "opt_high"), true],
  [
    "option",
    "Priority is High (no)",
    cf("cf_select", "$eq", "opt_high"),
    fieldChanged("cf_select", "opt_high", "opt_low"),
    false,
  ],
  ["option", "is not High", cf("cf_select", "$neq", "opt_high"), fieldChanged("cf_select", "opt_high", null), true],
  [
    "option",
    "is not High (no)",
    cf("cf_select", "$neq", "opt_high"),
    fieldChanged("cf_select", null, "opt_high"),
    false,
  ],
  [
    "option",
    "one of",
    cf("cf_select", "$in", ["opt_high", "opt_mid"]),
    fieldChanged("cf_select", null, "opt_mid"),
    true,
  ],
  [
    "option",
    "one of (empty)",
    cf("cf_select", "$in", ["opt_high"]),
    fieldChanged("cf_select", "opt_high", null),
    false,
  ],
  [
    "option",
    "none of (empty)",
    cf("cf_select", "$nin", ["opt_high"]),
    fieldChanged("cf_select", "opt_high", null),
    true,
  ],
  ["option", "none of (no)", cf("cf_select", "$nin", ["opt_high"]), fieldChanged("cf_select", null, "opt_high"), false],
  ["option", "set", cf("cf_select", "$exist", true), fieldChanged("cf_select", null, "opt_low"), true],
  ["option", "empty (no)", cf("cf_select", "$exist", false), fieldChanged("cf_select", null, "opt_low"), false],
  ["option", "changed", cf("cf_select", "$changed"), fieldChanged("cf_select", "opt_low", "opt_high"), true],
  ["option", "changed (no)", cf("cf_select", "$changed"), fieldChanged("cf_number", 1, 2), false],
  [
    "option",
    "Priority changed from anything to High",
    cf("cf_select", "$changedTo", "opt_high"),
    fieldChanged("cf_select", "opt_low", "opt_high"),
    true,
  ],
  [
    "option",
    "to High (no)",
    cf("cf_select", "$changedTo", "opt_high"),
    fieldChanged("cf_select", "opt_high", "opt_low"),
    false,
  ],
  [
    "option",
    "from High",
    cf("cf_select", "$changedFrom", "opt_high"),
    fieldChanged("cf_select", "opt_high", "opt_low"),
    true,
  ],
  [
    "option",
    "from High (no)",
    cf("cf_select", "$changedFrom", "opt_high"),
    fieldChanged("cf_select", "opt_low", "opt_high"),
    false,
  ],
  // options (multiple select, a set)
  [
    "options",
    "includes High",
    cf("cf_multi", "$contains", "opt_high"),
    fieldChanged("cf_multi", [], ["opt_high"]),
    true,
  ],
  [
    "options",
    "includes High (no)",
    cf("cf_multi", "$contains", "opt_high"),
    fieldChanged("cf_multi", ["opt_high"], null),
    false,
  ],
  [
    "options",
    "any of",
    cf("cf_multi", "$in", ["opt_high"]),
    fieldChanged("cf_multi", [], ["opt_low", "opt_high"]),
    true,
  ],
  ["options", "any of (no)", cf("cf_multi", "$in", ["opt_high"]), fieldChanged("cf_multi", [], ["opt_low"]), false],
  ["options", "none of", cf("cf_multi", "$nin", ["opt_high"]), fieldChanged("cf_multi", [], ["opt_low"]), true],
  ["options", "none of (no)", cf("cf_multi", "$nin", ["opt_high"]), fieldChanged("cf_multi", [], ["opt_high"]), false],
  ["options", "set", cf("cf_multi", "$exist", true), fieldChanged("cf_multi", null, ["opt_low"]), true],
  ["options", "empty list is empty", cf("cf_multi", "$exist", true), fieldChanged("cf_multi", ["opt_low"], []), false],
  ["options", "changed", cf("cf_multi", "$changed"), fieldChanged("cf_multi", ["opt_low"], ["opt_high"]), true],
  ["options", "cleared to empty is no change", cf("cf_multi", "$changed"), fieldChanged("cf_multi", [], null), false],
  [
    "options",
    "High added",
    cf("cf_multi", "$changedTo", "opt_high"),
    fieldChanged("cf_multi", null, ["opt_high"]),
    true,
  ],
  [
    "options",
    "High added (no)",
    cf("cf_multi", "$changedTo", "opt_high"),
    fieldChanged("cf_multi", ["opt_high"], ["opt_high", "opt_low"]),
    false,
  ],
  [
    "options",
    "High removed",
    cf("cf_multi", "$changedFrom", "opt_high"),
    fieldChanged("cf_multi", ["opt_high"], null),
    true,
  ],
  [
    "options",
    "High removed (no)",
    cf("cf_multi", "$changedFrom", "opt_high"),
    fieldChanged("cf_multi", ["opt_low"], null),
    false,
  ],
];

describe("evaluateConditions: every operator of every field type", () => {
  it.each(CASES)("%s: %s", (_type, _name, r, event, expected) => {
    expect(one(r, event)).toBe(expected);
  });

  it("the table covers each operator of each type, holding and not", () => {
    const covered = new Set(
      CASES.map(([type, , r, , holds]) => {
        const actual = valueTypeOf(r.field, r.customFieldId ? CUSTOM_FIELDS[r.customFieldId] : undefined) ?? "unknown";
        expect(actual, `${r.field} ${r.operator}`).toBe(type);
        return `${type} ${r.operator} ${holds}`;
      }),
    );
    const wanted = Object.entries(OPERATORS_BY_TYPE).flatMap(([type, ops]) =>
      ops.flatMap((op) => [`${type} ${op} true`, `${type} ${op} false`]),
    );
    expect(wanted.filter((w) => !covered.has(w))).toEqual([]);
    // Every custom field type maps to a type of the table.
    expect(Object.values(CUSTOM_FIELD_VALUE_TYPE).every((t) => t in OPERATORS_BY_TYPE)).toBe(true);
  });
});

describe("transitions on create and delete compare with null", () => {
  const created = recordEvent("TODO_CREATED", null, todo({ list: "lst_done", tags: ["tag_urgent"], done: false }));
  const deleted = recordEvent("TODO_DELETED", todo({ list: "lst_done", tags: ["tag_urgent"] }), null);

  it("a record created in Done moved into Done; its tags were added", () => {
    expect(one(rule("record.list", "$changedTo", "lst_done"), created)).toBe(true);
    expect(one(rule("record.list", "$changed"), created)).toBe(true);
    expect(one(rule("record.tags", "$changedTo", "tag_urgent"), created)).toBe(true);
    expect(one(rule("record.list", "$changedFrom", "lst_done"), created)).toBe(false);
    // null before: "done" changed from nothing to false.
    expect(one(rule("record.done", "$changedTo", false), created)).toBe(true);
  });

  it("a deleted record left its list and lost its tags; other rules read it as it was", () => {
    expect(one(rule("record.list", "$changedFrom", "lst_done"), deleted)).toBe(true);
    expect(one(rule("record.tags", "$changedFrom", "tag_urgent"), deleted)).toBe(true);
    expect(one(rule("record.list", "$changedTo", "lst_done"), deleted)).toBe(false);
    expect(one(rule("record.list", "$eq", "lst_done"), deleted)).toBe(true);
    expect(one(rule("record.tags", "$contains", "tag_urgent"), deleted)).toBe(true);
  });

  it("a checklist item created done, deleted while done", () => {
    const item = (a: boolean | null, b: boolean | null, type = "TODO_CHECKLIST_ITEM_CREATED" as const) =>
      checklistItemEvent(type, a, b, todo());
    expect(one(rule("checklistItem.done", "$changedTo", true), item(null, true))).toBe(true);
    expect(one(rule("checklistItem.done", "$eq", true), item(true, null))).toBe(true);
  });
});

describe("fields the event does not carry", () => {
  const listEvent: EvaluationEvent = { type: "TODO_LIST_CREATED", data: { previousValue: null, currentValue: {} } };

  it("no rule holds on an event without the field, not even a negative one", () => {
    for (const r of [
      rule("record.list", "$neq", "lst_done"),
      rule("record.tags", "$nin", ["tag_urgent"]),
      rule("record.dueDate", "$exist", false),
      rule("comment.author", "$neq", "usr_sam"),
    ])
      expect(one(r, listEvent)).toBe(false);
    expect(one(rule("comment.author", "$nin", ["usr_sam"]), moved("a", "b"))).toBe(false);
    expect(one(rule("checklistItem.done", "$eq", false), comment("usr_sam"))).toBe(false);
    expect(one(rule("record.list", "$eq", "lst_todo"), { type: "NOT_AN_EVENT", data: moved("a", "b").data })).toBe(
      false,
    );
  });

  it("so a rule on another event group can sit under any of", () => {
    const conditions = {
      match: "any" as const,
      rules: [rule("comment.author", "$eq", "usr_sam"), rule("record.list", "$changedTo", "lst_done")],
    };
    expect(evaluateConditions(conditions, moved("lst_todo", "lst_done")).matched).toBe(true);
    expect(evaluateConditions(conditions, comment("usr_sam")).matched).toBe(true);
    expect(evaluateConditions(conditions, comment("usr_lee")).matched).toBe(false);
  });
});

describe("comment and checklist events read their record", () => {
  const record = recordStateOf(todo({ list: "lst_doing", tags: ["tag_urgent"], assignees: ["usr_sam"] }));

  it("list and title from the payload, the rest from the record context", () => {
    const on = todo({ list: "lst_doing", title: "Launch" });
    const event = commentEvent("COMMENT_CREATED", "usr_dana", on, record);
    expect(one(rule("record.list", "$eq", "lst_doing"), event)).toBe(true);
    expect(one(rule("record.title", "$contains", "launch"), event)).toBe(true);
    expect(one(rule("record.tags", "$contains", "tag_urgent"), event)).toBe(true);
    expect(one(rule("record.assignees", "$contains", "usr_sam"), event)).toBe(true);
    // The event does not change the record.
    expect(one(rule("record.list", "$changed"), event)).toBe(false);
  });

  it("without the record (deleted since), only its list and title are known", () => {
    const event = commentEvent("COMMENT_DELETED", "usr_dana", todo({ list: "lst_doing" }), null);
    expect(one(rule("record.list", "$eq", "lst_doing"), event)).toBe(true);
    expect(one(rule("record.tags", "$nin", ["tag_urgent"]), event)).toBe(false);
    expect(one(rule("record.done", "$eq", false), event)).toBe(false);
  });

  it("context is needed only for rules on record fields the payload does not name", () => {
    const tags = { match: "all" as const, rules: [rule("record.tags", "$contains", "tag_urgent")] };
    const list = { match: "all" as const, rules: [rule("record.list", "$eq", "lst_done")] };
    expect(conditionsNeedRecord(tags, "COMMENT_CREATED")).toBe(true);
    expect(conditionsNeedRecord(tags, "TODO_CHECKLIST_ITEM_DONE_STATUS_UPDATED")).toBe(true);
    expect(conditionsNeedRecord(tags, "TODO_TAG_ADDED")).toBe(false);
    expect(conditionsNeedRecord(list, "COMMENT_CREATED")).toBe(false);
    expect(conditionsNeedRecord(null, "COMMENT_CREATED")).toBe(false);
    expect(
      conditionsNeedRecord({ match: "any", rules: [{ match: "all", rules: tags.rules }] }, "COMMENT_UPDATED"),
    ).toBe(true);
  });
});

describe("deleted references", () => {
  it("a rule naming a deleted list or tag matches nothing positively, and is not an error", () => {
    const event = moved("lst_todo", "lst_done");
    expect(one(rule("record.list", "$changedTo", "lst_deleted"), event)).toBe(false);
    expect(one(rule("record.list", "$neq", "lst_deleted"), event)).toBe(true);
    expect(one(rule("record.tags", "$contains", "tag_deleted"), retagged([], ["tag_bug"]))).toBe(false);
    expect(one(cf("cf_select", "$eq", "opt_deleted"), fieldChanged("cf_select", null, "opt_high"))).toBe(false);
  });

  it("a rule on a deleted custom field reads it as empty", () => {
    const event = recordEvent("TODO_MOVED", todo(), todo());
    expect(one({ ...cf("cf_number", "$exist", false), customFieldId: "cf_gone" }, event)).toBe(true);
    expect(one({ ...cf("cf_number", "$gt", 0), customFieldId: "cf_gone" }, event)).toBe(false);
  });
});

describe("groups, results and the failing rule", () => {
  const conditions = {
    match: "all" as const,
    rules: [
      rule("record.list", "$changedTo", "lst_done"),
      {
        match: "any" as const,
        rules: [rule("record.tags", "$contains", "tag_urgent"), rule("record.tags", "$contains", "tag_bug")],
      },
    ],
  };

  it("reports every rule and nested group by path, and the first rule that failed", () => {
    const result = evaluateConditions(conditions, recordEvent("TODO_MOVED", todo(), todo({ list: "lst_done" })));
    expect(result).toEqual({
      matched: false,
      failedRule: { path: "rules[1].rules[0]", field: "record.tags", operator: "$contains" },
      results: [
        { path: "rules[0]", passed: true },
        { path: "rules[1]", passed: false },
        { path: "rules[1].rules[0]", passed: false },
        { path: "rules[1].rules[1]", passed: false },
      ],
    });
    const matched = evaluateConditions(
      conditions,
      recordEvent("TODO_MOVED", todo(), todo({ list: "lst_done", tags: ["tag_bug"] })),
    );
    expect(matched.matched).toBe(true);
    expect(matched.failedRule).toBeNull();
  });

  it("no conditions: everything matches", () => {
    expect(evaluateConditions(null, moved("a", "b"))).toEqual({ matched: true, failedRule: null, results: [] });
  });
});

describe("properties", () => {
  const single = (r: ConditionRule, e: EvaluationEvent) => one(r, e);

  it('"any of" is the OR, "all of" the AND of the single rules', () => {
    fc.assert(
      fc.property(fc.array(ruleArb, { minLength: 1, maxLength: 6 }), eventArb, (rules, event) => {
        const each = rules.map((r) => single(r, event));
        expect(evaluateConditions({ match: "any", rules }, event).matched).toBe(each.some(Boolean));
        expect(evaluateConditions({ match: "all", rules }, event).matched).toBe(each.every(Boolean));
      }),
    );
  });

  it("a nested group counts as the rule its own result is", () => {
    fc.assert(
      fc.property(
        fc.array(ruleArb, { minLength: 1, maxLength: 4 }),
        fc.constantFrom("all" as const, "any" as const),
        ruleArb,
        eventArb,
        (rules, match, other, event) => {
          const inner = evaluateConditions({ match, rules }, event).matched;
          const both = evaluateConditions({ match: "all", rules: [other, { match, rules }] }, event);
          expect(both.matched).toBe(inner && single(other, event));
        },
      ),
    );
  });

  it("$nin is not $in, $neq is not $eq, $exist false is not $exist true, where the event carries the field", () => {
    fc.assert(
      fc.property(ruleArb, eventArb, (r, event) => {
        const carried = evaluateConditions(
          {
            match: "any",
            rules: [
              { ...r, operator: "$exist", value: true },
              { ...r, operator: "$exist", value: false },
            ],
          },
          event,
        ).matched;
        const flip = (a: ConditionRule["operator"], b: ConditionRule["operator"]) => {
          if (r.operator !== a) return;
          const other = single({ ...r, operator: b }, event);
          expect(single(r, event)).toBe(carried ? !other : false);
        };
        flip("$nin", "$in");
        flip("$in", "$nin");
        if (typeof r.value !== "boolean") flip("$neq", "$eq");
        if (r.operator === "$exist")
          expect(single(r, event)).toBe(carried ? !single({ ...r, value: !r.value }, event) : false);
      }),
    );
  });

  it("$changedTo x and $changedFrom x each imply $changed; a create or delete with a value changed it", () => {
    fc.assert(
      fc.property(ruleArb, eventArb, (r, event) => {
        if (r.operator !== "$changedTo" && r.operator !== "$changedFrom") return;
        if (single(r, event))
          expect(single({ field: r.field, customFieldId: r.customFieldId, operator: "$changed" }, event)).toBe(true);
      }),
    );
  });

  it("the failing rule is named exactly when there is no match, and it failed", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(ruleArb, fc.array(ruleArb, { minLength: 1, maxLength: 3 })), { minLength: 1, maxLength: 5 }),
        fc.constantFrom("all" as const, "any" as const),
        eventArb,
        (items, match, event) => {
          const rules = items.map((i) => (Array.isArray(i) ? { match: "any" as const, rules: i } : i));
          const result = evaluateConditions({ match, rules }, event);
          expect(result.failedRule === null).toBe(result.matched);
          if (result.failedRule)
            expect(result.results.find((x) => x.path === result.failedRule?.path)?.passed).toBe(false);
        },
      ),
    );
  });

  it("a record that did not change holds no transition", () => {
    fc.assert(
      fc.property(ruleArb, todoArb, (r, t) => {
        if (!["$changed", "$changedTo", "$changedFrom"].includes(r.operator)) return;
        expect(single(r, recordEvent("TODO_MOVED", t, t))).toBe(false);
      }),
    );
  });
});
