// The ids a webhook's conditions name (lists, tags, people, custom fields and their options), each
// with the rule that names it: checked when conditions are saved, and shown (with names, deleted
// ones marked) when a webhook is read.
import type { Conditions } from "../validations/webhook-conditions";
import { rulesWithPaths } from "../validations/webhook-conditions";
import { CUSTOM_FIELD_VALUE_TYPE, type CustomFieldType, FIELDS, REFERENCE_OF, type ReferenceKind } from "./fields";

export type ConditionReferenceKind = ReferenceKind | "customField";

export type NamedReference = {
  /** The rule part that names it: `rules[1].value` or `rules[0].customFieldId`. */
  path: string;
  kind: ConditionReferenceKind;
  id: string;
  /** For an option: the custom field it belongs to. */
  customFieldId?: string;
};

const idsIn = (value: unknown): string[] =>
  typeof value === "string" ? [value] : Array.isArray(value) ? value.filter((v) => typeof v === "string") : [];

/** Custom field ids the conditions name (read first: an option rule's ids depend on the field's type). */
export function customFieldIdsOf(conditions: Conditions): string[] {
  if (!conditions) return [];
  return [
    ...new Set(
      rulesWithPaths(conditions).flatMap(({ rule }) => (rule.customFieldId !== undefined ? [rule.customFieldId] : [])),
    ),
  ];
}

/** Every id the conditions name; an option's only once its field's type is known. */
export function namedReferences(conditions: Conditions, fieldTypes: Map<string, CustomFieldType>): NamedReference[] {
  if (!conditions) return [];
  return rulesWithPaths(conditions).flatMap(({ path, rule }): NamedReference[] => {
    const type = FIELDS[rule.field].type;
    if (type !== "customField") {
      const kind = REFERENCE_OF[type];
      return kind ? idsIn(rule.value).map((id) => ({ path: `${path}.value`, kind, id })) : [];
    }
    const customFieldId = rule.customFieldId ?? "";
    const field: NamedReference = { path: `${path}.customFieldId`, kind: "customField", id: customFieldId };
    const fieldType = fieldTypes.get(customFieldId);
    if (!fieldType || REFERENCE_OF[CUSTOM_FIELD_VALUE_TYPE[fieldType]] !== "option") return [field];
    return [
      field,
      ...idsIn(rule.value).map((id) => ({ path: `${path}.value`, kind: "option" as const, id, customFieldId })),
    ];
  });
}
