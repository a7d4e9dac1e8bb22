// The builder's view of webhook conditions (issue 16): which choices a person gets for a field,
// what kind of value each choice asks for, and how a choice maps to the stored JSON operator.
// Pure, so that the rules a person can build are unit-tested without a browser.
import {
  type CustomFieldType,
  eventCarriesField,
  FIELD_KEYS,
  type FieldKey,
  type Operator,
} from "@/lib/conditions/fields";
import { isEventType } from "@/lib/events/catalog";
import { MAX_CONDITION_RULES } from "@/lib/validations/webhook-conditions";
import type { PreviewBody } from "./conditions-queries";

export type { CustomFieldType, FieldKey, Operator };

export type ConditionRule = { field: FieldKey; customFieldId?: string; operator: Operator; value?: unknown };
export type ConditionGroup = { match: "all" | "any"; rules: Array<ConditionRule | ConditionGroup> };

/** At most this many rules in all, as the API allows. */
export const MAX_RULES = MAX_CONDITION_RULES;

/** How a field reads in the sentences and which choices it offers (message keys `conditions.<family>`). */
export type Family =
  | "list"
  | "tags"
  | "assignees"
  | "done"
  | "dueDate"
  | "title"
  | "commentAuthor"
  | "checklistItemDone"
  | "cfText"
  | "cfNumber"
  | "cfCheckbox"
  | "cfDate"
  | "cfOption"
  | "cfOptions";

/** What the person picks the value from: other records' names, or something typed. */
export type RefKind = "list" | "tag" | "user" | "option";
export type ValueInput =
  | { kind: "none" }
  | { kind: "one"; ref: RefKind }
  | { kind: "many"; ref: RefKind }
  | { kind: "text" }
  | { kind: "number" }
  | { kind: "date" };

/** One entry of the "condition" drop-down: an operator, with its value fixed for yes/no choices. */
export type Choice = {
  id: string;
  operator: Operator;
  fixed?: boolean;
  input: ValueInput;
};

const none = { kind: "none" } as const;
const one = (ref: RefKind) => ({ kind: "one", ref }) as const;
const many = (ref: RefKind) => ({ kind: "many", ref }) as const;

function referenceChoices(ref: RefKind, transitions: boolean, exist: boolean): Choice[] {
  return [
    { id: "eq", operator: "$eq", input: one(ref) },
    { id: "neq", operator: "$neq", input: one(ref) },
    { id: "in", operator: "$in", input: many(ref) },
    { id: "nin", operator: "$nin", input: many(ref) },
    ...(exist ? existChoices() : []),
    ...(transitions
      ? ([
          { id: "changed", operator: "$changed", input: none },
          { id: "changedTo", operator: "$changedTo", input: one(ref) },
          { id: "changedFrom", operator: "$changedFrom", input: one(ref) },
        ] as Choice[])
      : []),
  ];
}

function existChoices(): Choice[] {
  return [
    { id: "isSet", operator: "$exist", fixed: true, input: none },
    { id: "isEmpty", operator: "$exist", fixed: false, input: none },
  ];
}

function setChoices(ref: RefKind): Choice[] {
  return [
    { id: "contains", operator: "$contains", input: one(ref) },
    { id: "in", operator: "$in", input: many(ref) },
    { id: "nin", operator: "$nin", input: many(ref) },
    ...existChoices(),
    { id: "changed", operator: "$changed", input: none },
    { id: "changedTo", operator: "$changedTo", input: one(ref) },
    { id: "changedFrom", operator: "$changedFrom", input: one(ref) },
  ];
}

function booleanChoices(): Choice[] {
  return [
    { id: "isTrue", operator: "$eq", fixed: true, input: none },
    { id: "isFalse", operator: "$eq", fixed: false, input: none },
    { id: "changed", operator: "$changed", input: none },
    { id: "becameTrue", operator: "$changedTo", fixed: true, input: none },
    { id: "becameFalse", operator: "$changedTo", fixed: false, input: none },
  ];
}

function dateChoices(): Choice[] {
  return [
    { id: "gt", operator: "$gt", input: { kind: "date" } },
    { id: "lt", operator: "$lt", input: { kind: "date" } },
    ...existChoices(),
    { id: "changed", operator: "$changed", input: none },
  ];
}

function textChoices(): Choice[] {
  return [
    { id: "eq", operator: "$eq", input: { kind: "text" } },
    { id: "neq", operator: "$neq", input: { kind: "text" } },
    { id: "contains", operator: "$contains", input: { kind: "text" } },
    ...existChoices(),
    { id: "changed", operator: "$changed", input: none },
  ];
}

function numberChoices(): Choice[] {
  const n = { kind: "number" } as const;
  return [
    { id: "eq", operator: "$eq", input: n },
    { id: "neq", operator: "$neq", input: n },
    { id: "gt", operator: "$gt", input: n },
    { id: "gte", operator: "$gte", input: n },
    { id: "lt", operator: "$lt", input: n },
    { id: "lte", operator: "$lte", input: n },
    ...existChoices(),
    { id: "changed", operator: "$changed", input: none },
    { id: "changedTo", operator: "$changedTo", input: n },
    { id: "changedFrom", operator: "$changedFrom", input: n },
  ];
}

const CHOICES: Record<Family, Choice[]> = {
  list: referenceChoices("list", true, false),
  tags: setChoices("tag"),
  assignees: setChoices("user"),
  done: booleanChoices(),
  dueDate: dateChoices(),
  title: textChoices(),
  commentAuthor: referenceChoices("user", false, false),
  checklistItemDone: booleanChoices(),
  cfText: textChoices(),
  cfNumber: numberChoices(),
  cfCheckbox: booleanChoices(),
  cfDate: dateChoices(),
  cfOption: referenceChoices("option", true, true),
  cfOptions: setChoices("option"),
};

/** The family of each field that is not a custom field (its choices, value control and label). */
export const FIXED_FIELD_FAMILY = {
  "record.list": "list",
  "record.tags": "tags",
  "record.assignees": "assignees",
  "record.done": "done",
  "record.dueDate": "dueDate",
  "record.title": "title",
  "comment.author": "commentAuthor",
  "checklistItem.done": "checklistItemDone",
} as const satisfies Record<Exclude<FieldKey, "record.customField">, Family>;

const FAMILY_BY_CUSTOM_TYPE: Record<CustomFieldType, Family> = {
  TEXT_SINGLE: "cfText",
  TEXT_MULTI: "cfText",
  URL: "cfText",
  EMAIL: "cfText",
  NUMBER: "cfNumber",
  CURRENCY: "cfNumber",
  PERCENT: "cfNumber",
  RATING: "cfNumber",
  CHECKBOX: "cfCheckbox",
  DATE: "cfDate",
  SELECT_SINGLE: "cfOption",
  SELECT_MULTI: "cfOptions",
};

/** The family of a rule's field; a custom field that no longer exists has none. */
export function familyOf(field: FieldKey, customFieldType?: CustomFieldType): Family | null {
  if (field === "record.customField") return customFieldType ? FAMILY_BY_CUSTOM_TYPE[customFieldType] : null;
  return FIXED_FIELD_FAMILY[field];
}

export function choicesFor(family: Family): Choice[] {
  return CHOICES[family];
}

/** The choice a stored rule was built with (an unknown operator for the field has none). */
export function choiceOf(family: Family, rule: Pick<ConditionRule, "operator" | "value">): Choice | null {
  return (
    CHOICES[family].find((c) => c.operator === rule.operator && (c.fixed === undefined || c.fixed === rule.value)) ??
    null
  );
}

/** The rule after the person picks a choice: a fixed value is set, a fitting value kept, else cleared. */
export function applyChoice(rule: ConditionRule, family: Family, choice: Choice): ConditionRule {
  const { value: _dropped, ...rest } = rule;
  const next: ConditionRule = { ...rest, operator: choice.operator };
  if (choice.fixed !== undefined) return { ...next, value: choice.fixed };
  const before = choiceOf(family, rule)?.input;
  if (choice.input.kind === "none") return next;
  if (before && before.kind === choice.input.kind) return { ...next, value: rule.value };
  if (before?.kind === "one" && choice.input.kind === "many" && typeof rule.value === "string")
    return { ...next, value: [rule.value] };
  if (before?.kind === "many" && choice.input.kind === "one" && Array.isArray(rule.value) && rule.value.length === 1)
    return { ...next, value: rule.value[0] };
  return next;
}

/** A new rule on a field: its first choice, no value yet. */
export function newRule(field: FieldKey, family: Family, customFieldId?: string): ConditionRule {
  const first = CHOICES[family][0];
  return applyChoice({ field, ...(customFieldId ? { customFieldId } : {}), operator: first.operator }, family, first);
}

/**
 * What a typed value becomes in the rule: a number input's text as a number (empty: no value), a date
 * picker's day as it is (YYYY-MM-DD), text as typed.
 */
export function parseTypedValue(kind: "text" | "number" | "date", raw: string): unknown {
  if (kind === "number") {
    const trimmed = raw.trim().replace(",", ".");
    if (trimmed === "") return undefined;
    const n = Number(trimmed);
    return Number.isFinite(n) ? n : undefined;
  }
  if (kind === "date") return /^\d{4}-\d{2}-\d{2}$/.test(raw) ? raw : undefined;
  return raw === "" ? undefined : raw;
}

/** The text a typed input shows for a stored value. */
export function typedValueText(kind: "text" | "number" | "date", value: unknown): string {
  if (kind === "number") return typeof value === "number" ? String(value) : "";
  if (kind === "date") return typeof value === "string" ? value.slice(0, 10) : "";
  return typeof value === "string" ? value : "";
}

/** True once the rule has every value its choice asks for (the preview waits until then). */
export function isRuleComplete(rule: ConditionRule, family: Family | null): boolean {
  if (!family) return false;
  const choice = choiceOf(family, rule);
  if (!choice) return false;
  if (rule.field === "record.customField" && !rule.customFieldId) return false;
  switch (choice.input.kind) {
    case "none":
      return true;
    case "one":
      return typeof rule.value === "string" && rule.value !== "";
    case "many":
      return Array.isArray(rule.value) && rule.value.length > 0;
    case "number":
      return typeof rule.value === "number";
    case "text":
    case "date":
      return typeof rule.value === "string" && rule.value !== "";
  }
}

export function isGroup(rule: ConditionRule | ConditionGroup): rule is ConditionGroup {
  return "rules" in rule;
}

export type RulePath = { path: string; rule: ConditionRule; nested: boolean };

/** Every rule with its path in the JSON form ("rules[1].rules[0]"), in reading order. */
export function rulePaths(group: ConditionGroup): RulePath[] {
  return group.rules.flatMap((rule, i): RulePath[] =>
    isGroup(rule)
      ? rule.rules.flatMap((inner, j) =>
          isGroup(inner) ? [] : [{ path: `rules[${i}].rules[${j}]`, rule: inner, nested: true }],
        )
      : [{ path: `rules[${i}]`, rule, nested: false }],
  );
}

export function countRules(group: ConditionGroup): number {
  return rulePaths(group).length;
}

/** The rule at a path of the JSON form, or null when the conditions no longer have it. */
export function ruleAt(group: ConditionGroup | null, path: string): ConditionRule | null {
  if (!group) return null;
  return rulePaths(group).find((r) => r.path === path)?.rule ?? null;
}

/** A rule's error: the part of the rule it is about ("value", "operator"; "" for the rule or group itself) and its text. */
export type RuleError = { part: string; message: string };

/**
 * Form errors under `conditions` (react-hook-form's nested objects, or the API's flat
 * "conditions.rules[0].value" names) by rule path: "rules[0]" → { part: "value", message }. In the
 * webhook form the message is already a sentence naming the part (withSentences, applyFieldErrors),
 * so it is shown as it is.
 */
export function conditionErrorsByPath(errors: unknown, prefix = ""): Record<string, RuleError> {
  const out: Record<string, RuleError> = {};
  if (!errors || typeof errors !== "object") return out;
  for (const [key, entry] of Object.entries(errors)) {
    if (key === "ref" || key === "type" || key === "types") continue;
    if (key === "message" && typeof entry === "string") {
      const { rulePath, part } = splitPath(prefix);
      out[rulePath] ??= { part, message: entry };
      continue;
    }
    const segment = /^\d+$/.test(key) ? `[${key}]` : prefix ? `.${key}` : key;
    Object.assign(out, withoutExisting(out, conditionErrorsByPath(entry, `${prefix}${segment}`)));
  }
  return out;
}

/** The API's field errors ("conditions.rules[0].value": ["…"]) in the same shape. */
export function apiConditionErrors(fields: Record<string, string[]> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, messages] of Object.entries(fields ?? {})) {
    if (name !== "conditions" && !name.startsWith("conditions.")) continue;
    const { rulePath, part } = splitPath(name.slice("conditions".length).replace(/^\./, ""));
    out[rulePath] ??= part ? `${part}: ${messages[0]}` : messages[0];
  }
  return out;
}

function withoutExisting<T>(existing: Record<string, T>, next: Record<string, T>) {
  return Object.fromEntries(Object.entries(next).filter(([k]) => !(k in existing)));
}

/** "rules[0].rules[1].value" → the rule "rules[0].rules[1]" and its part "value". */
function splitPath(path: string): { rulePath: string; part: string } {
  const match = /^((?:\.?rules\[\d+\])*)\.?(.*)$/.exec(path);
  const rulePath = (match?.[1] ?? "").replace(/^\./, "");
  return { rulePath, part: match?.[2] ?? path };
}

/** The fields the chosen events carry (all of them for "all events"), in the catalogue's order. */
export function fieldsForEvents(allEvents: boolean, events: string[]): FieldKey[] {
  if (allEvents) return [...FIELD_KEYS];
  const types = events.filter(isEventType);
  return FIELD_KEYS.filter((field) => types.some((type) => eventCarriesField(type, field)));
}

/** The preview's question, or why there is none yet: no events/projects chosen, or an unfinished rule. */
export function previewBody(
  form: PreviewBody,
  customFieldType: (id: string) => CustomFieldType | undefined,
): PreviewBody | "noSelection" | "incomplete" {
  if ((!form.allEvents && form.events.length === 0) || (!form.allProjects && form.projectIds.length === 0))
    return "noSelection";
  const unfinished = form.conditions
    ? rulePaths(form.conditions).some(
        ({ rule }) =>
          !isRuleComplete(
            rule,
            familyOf(rule.field, rule.customFieldId ? customFieldType(rule.customFieldId) : undefined),
          ),
      )
    : false;
  if (unfinished) return "incomplete";
  return {
    allEvents: form.allEvents,
    events: form.allEvents ? [] : form.events,
    allProjects: form.allProjects,
    projectIds: form.allProjects ? [] : form.projectIds,
    conditions: form.conditions,
  };
}
