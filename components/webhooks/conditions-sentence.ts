// Conditions read back in plain words, in the reader's language: "Send only when the record moved
// into Done and the record is tagged Urgent". Pure: a translator and the names it needs are passed in.
import {
  type ConditionGroup,
  type ConditionRule,
  type CustomFieldType,
  choiceOf,
  familyOf,
  isGroup,
  type RefKind,
} from "./conditions-model";

/** A name the rule refers to; `deleted` once the list, tag, person… is gone. */
export type ReferenceName = { name: string | null; deleted: boolean };

export type SentenceContext = {
  /** next-intl's translator for the `conditions` namespace. */
  t: (key: string, values?: Record<string, string | number>) => string;
  locale: string;
  /** The name of a list, tag, user, custom field or option by id; undefined when unknown. */
  name: (kind: RefKind | "customField", id: string) => ReferenceName | undefined;
  /** A custom field's type, to know how its rule reads (undefined when the field is gone). */
  customFieldType: (id: string) => CustomFieldType | undefined;
};

const REF_KIND_LABEL: Record<RefKind | "customField", string> = {
  list: "list",
  tag: "tag",
  user: "user",
  option: "option",
  customField: "customField",
};

/**
 * A referenced name as read in a sentence; a gone reference says so ("Done (deleted list)"), and
 * one that none of the chosen projects has says that.
 */
export function referenceText(ctx: SentenceContext, kind: RefKind | "customField", id: string): string {
  const found = ctx.name(kind, id);
  if (!found) return ctx.t("unknownReference", { kind: REF_KIND_LABEL[kind] });
  if (!found.deleted && found.name !== null) return found.name;
  if (found.name) return ctx.t("deletedNamed", { name: found.name, kind: REF_KIND_LABEL[kind] });
  return ctx.t("deletedUnnamed", { kind: REF_KIND_LABEL[kind] });
}

function joinWords(locale: string, words: string[], type: "conjunction" | "disjunction"): string {
  return new Intl.ListFormat(locale, { style: "long", type }).format(words);
}

function formatDay(locale: string, day: string): string {
  const date = new Date(`${day.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" }).format(date);
}

/** The value as words: names for ids ("Done or Review"), a formatted number or day, quoted text. */
function valueText(ctx: SentenceContext, rule: ConditionRule, input: { kind: string; ref?: RefKind }): string {
  const missing = ctx.t("missingValue");
  const value = rule.value;
  switch (input.kind) {
    case "one":
      return typeof value === "string" && value ? referenceText(ctx, input.ref as RefKind, value) : missing;
    case "many":
      return Array.isArray(value) && value.length > 0
        ? joinWords(
            ctx.locale,
            value.map((id) => referenceText(ctx, input.ref as RefKind, String(id))),
            "disjunction",
          )
        : missing;
    case "number":
      return typeof value === "number" ? new Intl.NumberFormat(ctx.locale).format(value) : missing;
    case "date":
      return typeof value === "string" && value ? formatDay(ctx.locale, value) : missing;
    case "text":
      return typeof value === "string" && value ? ctx.t("quoted", { text: value }) : missing;
    default:
      return "";
  }
}

/** One rule in plain words: "the record moved into Done". */
export function ruleSentence(rule: ConditionRule, ctx: SentenceContext): string {
  const customFieldType = rule.customFieldId ? ctx.customFieldType(rule.customFieldId) : undefined;
  const family = familyOf(rule.field, customFieldType);
  const field = rule.customFieldId ? referenceText(ctx, "customField", rule.customFieldId) : "";
  if (!family) return ctx.t("unknownRule", { field });
  const choice = choiceOf(family, rule);
  if (!choice) return ctx.t("unknownRule", { field: field || ctx.t(`fields.${family}`) });
  return ctx.t(`${family}.sentence.${choice.id}`, { field, value: valueText(ctx, rule, choice.input) });
}

/** A group in plain words: its rules joined by "and" (all of) or "or" (any of); a nested group in brackets. */
export function groupSentence(group: ConditionGroup, ctx: SentenceContext): string {
  const parts = group.rules.map((rule) =>
    isGroup(rule) ? ctx.t("bracketed", { text: groupSentence(rule, ctx) }) : ruleSentence(rule, ctx),
  );
  return joinWords(ctx.locale, parts, group.match === "all" ? "conjunction" : "disjunction");
}

/** The whole conditions as one sentence: "Send only when …". */
export function conditionsSentence(group: ConditionGroup, ctx: SentenceContext): string {
  return ctx.t("summary", { rules: groupSentence(group, ctx) });
}

export type ConditionReference = {
  id: string;
  kind: RefKind | "customField";
  name: string | null;
  deleted: boolean;
};

type NameSources = {
  lists: { id: string; title: string }[];
  tags: { id: string; title: string }[];
  people: { id: string; name: string }[];
  customFields: { id: string; name: string; type: CustomFieldType; options: { id: string; title: string }[] }[];
};

/**
 * Names and custom field types for the sentences: the selected projects' current lists, tags,
 * people and fields first, then the webhook's stored references (which know what was deleted).
 */
export function nameLookup(
  options: NameSources | undefined,
  references: ConditionReference[] = [],
): Pick<SentenceContext, "name" | "customFieldType"> {
  const current = new Map<string, string>();
  const types = new Map<string, CustomFieldType>();
  for (const l of options?.lists ?? []) current.set(`list:${l.id}`, l.title);
  for (const tag of options?.tags ?? []) current.set(`tag:${tag.id}`, tag.title);
  for (const p of options?.people ?? []) current.set(`user:${p.id}`, p.name);
  for (const f of options?.customFields ?? []) {
    current.set(`customField:${f.id}`, f.name);
    types.set(f.id, f.type);
    for (const o of f.options) current.set(`option:${o.id}`, o.title);
  }
  const stored = new Map(references.map((r) => [`${r.kind}:${r.id}`, r]));
  return {
    name: (kind, id) => {
      const name = current.get(`${kind}:${id}`);
      if (name !== undefined) return { name, deleted: false };
      const reference = stored.get(`${kind}:${id}`);
      return reference ? { name: reference.name, deleted: reference.deleted } : undefined;
    },
    customFieldType: (id) => types.get(id),
  };
}
