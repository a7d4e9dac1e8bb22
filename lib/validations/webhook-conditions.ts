// Webhook conditions: the JSON form (REST API, OpenAPI, the builder, stored as jsonb), parsed with
// errors that name the rule (`conditions.rules[2].value: must be a list of tag ids`).
// What each field and operator means lives in lib/conditions/fields.ts; ids are checked against
// the webhook's projects by lib/conditions/check-references.ts.
import { z } from "zod";
import {
  CUSTOM_FIELD_OPERATORS,
  CUSTOM_FIELD_VALUE_TYPE,
  type CustomFieldType,
  FIELD_KEYS,
  FIELDS,
  type FieldKey,
  OPERATORS,
  OPERATORS_BY_TYPE,
  type Operator,
  REFERENCE_OF,
  TYPE_NOUN,
  type ValueShape,
  type ValueType,
  valueShapeOf,
} from "../conditions/fields";
import { idSchema } from "./common";

export const MAX_CONDITION_RULES = 20;
export const MAX_RULE_IDS = 100;
export const MAX_RULE_TEXT = 500;

export type ConditionRule = { field: FieldKey; customFieldId?: string; operator: Operator; value?: unknown };
/** A nested group's rules are rules only (groups nest one level). */
export type NestedConditionGroup = { match: "all" | "any"; rules: ConditionRule[] };
export type ConditionGroup = { match: "all" | "any"; rules: Array<ConditionRule | NestedConditionGroup> };
/** null: no conditions (every event the selection picks is delivered). */
export type Conditions = ConditionGroup | null;

export function isGroup(item: ConditionRule | NestedConditionGroup): item is NestedConditionGroup {
  return "match" in item;
}

/** Every rule with its path (`rules[1].rules[0]`), in order. */
export function rulesWithPaths(conditions: ConditionGroup): Array<{ path: string; rule: ConditionRule }> {
  return conditions.rules.flatMap((item, i) =>
    isGroup(item)
      ? item.rules.map((rule, j) => ({ path: `rules[${i}].rules[${j}]`, rule }))
      : [{ path: `rules[${i}]`, rule: item }],
  );
}

const REFERENCE_NAME = { list: "list", tag: "tag", user: "user", option: "option" } as const;

const dateValue = z.union([z.iso.datetime({ offset: true }), z.iso.date()], {
  error: "must be an ISO 8601 date or date-time, e.g. 2026-06-05",
});

/** The schema of `value` for a type and operator; null: the operator takes no value. */
export function ruleValueSchema(type: ValueType, operator: Operator): z.ZodType | null {
  const shape = valueShapeOf(type, operator);
  const ref = REFERENCE_OF[type];
  const name = ref ? REFERENCE_NAME[ref] : "";
  switch (shape) {
    case "none":
      return null;
    case "exist":
      return z.boolean({ error: "must be true (is set) or false (is empty)" });
    case "ids":
      return z
        .array(idSchema, { error: `must be a list of ${name} ids` })
        .min(1, `must list at least one ${name}`)
        .max(MAX_RULE_IDS, `must list at most ${MAX_RULE_IDS} ${name}s`);
    case "one":
      return z
        .string({ error: `must be a ${name} id` })
        .min(1, `must be a ${name} id`)
        .max(64, "is not a valid id");
    case "text":
      return z
        .string({ error: "must be text" })
        .min(1, "must not be empty")
        .max(MAX_RULE_TEXT, `must be at most ${MAX_RULE_TEXT} characters`);
    case "number":
      return z.number({ error: "must be a number" }).finite("must be a finite number");
    case "date":
      return dateValue;
    case "boolean":
      return z.boolean({ error: "must be true or false" });
  }
}

const SHAPE_TEXT: Record<ValueShape, string> = {
  none: "",
  exist: "true or false",
  ids: "a list of ids",
  one: "an id",
  text: "text",
  number: "a number",
  date: "an ISO 8601 date",
  boolean: "true or false",
};

/** Why a rule's operator or value does not fit its type, or null; `at` is "operator" or "value". */
export function ruleTypeIssue(
  type: ValueType,
  rule: Pick<ConditionRule, "operator" | "value">,
): { at: "operator" | "value"; message: string } | null {
  if (!OPERATORS_BY_TYPE[type].includes(rule.operator))
    return { at: "operator", message: `"${rule.operator}" does not apply to ${TYPE_NOUN[type]}` };
  const schema = ruleValueSchema(type, rule.operator);
  if (!schema)
    return rule.value === undefined ? null : { at: "value", message: `must be left out for ${rule.operator}` };
  if (rule.value === undefined) return { at: "value", message: `is required for ${rule.operator}` };
  const parsed = schema.safeParse(rule.value);
  return parsed.success ? null : { at: "value", message: parsed.error.issues[0].message };
}

/** A custom field rule checked against the field's actual type (known once the field is read). */
export function customFieldRuleIssue(fieldType: CustomFieldType, rule: ConditionRule) {
  return ruleTypeIssue(CUSTOM_FIELD_VALUE_TYPE[fieldType], rule);
}

/** Before its field is read, a custom field rule's value must fit the operator for some field type. */
function customFieldValueIssue(rule: ConditionRule): string | null {
  const types = [...new Set(Object.values(CUSTOM_FIELD_VALUE_TYPE))].filter((t) =>
    OPERATORS_BY_TYPE[t].includes(rule.operator),
  );
  if (types.some((t) => ruleTypeIssue(t, rule) === null)) return null;
  if (rule.operator === "$changed") return "must be left out for $changed";
  if (rule.value === undefined) return `is required for ${rule.operator}`;
  const shapes = [...new Set(types.map((t) => SHAPE_TEXT[valueShapeOf(t, rule.operator)]))];
  return `must be ${shapes.join(" or ")}, as the custom field's type requires`;
}

const fieldEnum = z.enum(FIELD_KEYS, {
  error: (issue) =>
    typeof issue.input === "string" && issue.input.length <= 100
      ? `"${issue.input}" is not a condition field; use one of ${FIELD_KEYS.join(", ")}`
      : `must be one of ${FIELD_KEYS.join(", ")}`,
});
const operatorEnum = z.enum(OPERATORS, {
  error: (issue) =>
    typeof issue.input === "string" && issue.input.length <= 100
      ? `"${issue.input}" is not an operator; use one of ${OPERATORS.join(" ")}`
      : `must be one of ${OPERATORS.join(" ")}`,
});
const matchEnum = z.enum(["all", "any"], { error: 'must be "all" or "any"' });

const ruleShape = z.strictObject(
  { field: fieldEnum, customFieldId: idSchema.optional(), operator: operatorEnum, value: z.unknown().optional() },
  { error: "must be a rule {field, operator, value} or a group {match, rules}" },
);
const groupShape = z.strictObject(
  {
    match: matchEnum,
    rules: z.array(z.unknown(), { error: "must be a list of rules" }).min(1, "must have at least one rule"),
  },
  { error: 'must be a group {"match": "all" | "any", "rules": [...]}' },
);

type Path = Array<string | number>;
type Issue = { path: Path; message: string };

/** `["rules", 2, "value"]` → `rules[2].value`, the form the contract names rules by. */
export function formatRulePath(path: Path): string {
  return path.reduce<string>(
    (text, part) => (typeof part === "number" ? `${text}[${part}]` : text ? `${text}.${part}` : part),
    "",
  );
}

function zodIssues(error: z.ZodError, at: Path): Issue[] {
  return error.issues.flatMap((issue) => {
    const path = [...at, ...(issue.path as Path)];
    if (issue.code === "unrecognized_keys")
      return issue.keys.map((key) => ({ path: [...path, key], message: "is not a known key" }));
    return [{ path, message: issue.message }];
  });
}

function parseRule(input: unknown, at: Path, issues: Issue[]): ConditionRule | null {
  const parsed = ruleShape.safeParse(input);
  if (!parsed.success) {
    issues.push(...zodIssues(parsed.error, at));
    return null;
  }
  const rule = parsed.data as ConditionRule;
  const isCustom = rule.field === "record.customField";
  if (isCustom && rule.customFieldId === undefined) {
    issues.push({ path: [...at, "customFieldId"], message: "is required for a custom field rule" });
    return null;
  }
  if (!isCustom && rule.customFieldId !== undefined) {
    issues.push({ path: [...at, "customFieldId"], message: "only belongs to a record.customField rule" });
    return null;
  }
  const type = FIELDS[rule.field].type;
  if (type === "customField") {
    if (!CUSTOM_FIELD_OPERATORS.includes(rule.operator)) {
      issues.push({ path: [...at, "operator"], message: `"${rule.operator}" does not apply to a custom field` });
      return null;
    }
    const message = customFieldValueIssue(rule);
    if (message) {
      issues.push({ path: [...at, "value"], message });
      return null;
    }
  } else {
    const issue = ruleTypeIssue(type, rule);
    if (issue) {
      issues.push({ path: [...at, issue.at], message: issue.message });
      return null;
    }
  }
  const clean: ConditionRule = { field: rule.field, operator: rule.operator };
  if (rule.customFieldId !== undefined) clean.customFieldId = rule.customFieldId;
  if (rule.value !== undefined) clean.value = rule.value;
  return clean;
}

const looksLikeGroup = (input: unknown) =>
  typeof input === "object" && input !== null && !Array.isArray(input) && ("match" in input || "rules" in input);

function parseGroup(input: unknown, at: Path, depth: 0 | 1, issues: Issue[]): ConditionGroup | null {
  const parsed = groupShape.safeParse(input);
  if (!parsed.success) {
    issues.push(...zodIssues(parsed.error, at));
    return null;
  }
  const rules: ConditionGroup["rules"] = [];
  parsed.data.rules.forEach((item, i) => {
    const path = [...at, "rules", i];
    if (looksLikeGroup(item)) {
      if (depth === 1) {
        issues.push({ path, message: "groups nest one level only: a nested group's rules must be rules" });
        return;
      }
      const group = parseGroup(item, path, 1, issues);
      if (group) rules.push(group as NestedConditionGroup);
      return;
    }
    const rule = parseRule(item, path, issues);
    if (rule) rules.push(rule);
  });
  return { match: parsed.data.match, rules };
}

/** The conditions, or the issues naming each wrong rule part by its path. */
export function parseConditions(
  input: unknown,
): { success: true; data: Conditions } | { success: false; issues: Array<{ path: string; message: string }> } {
  if (input === null) return { success: true, data: null };
  const issues: Issue[] = [];
  const group = parseGroup(input, [], 0, issues);
  if (group && issues.length === 0) {
    const count = rulesWithPaths(group).length;
    if (count > MAX_CONDITION_RULES)
      issues.push({ path: ["rules"], message: `must have at most ${MAX_CONDITION_RULES} rules in all (has ${count})` });
  }
  if (issues.length > 0 || !group)
    return { success: false, issues: issues.map((i) => ({ path: formatRulePath(i.path), message: i.message })) };
  return { success: true, data: group };
}

/** The documented JSON form of conditions (what OpenAPI and the JSON Schema show). */
const ruleDoc = z
  .object({
    field: z.enum(FIELD_KEYS),
    customFieldId: z.string().optional().describe('Required when field is "record.customField"'),
    operator: z.enum(OPERATORS),
    value: z
      .unknown()
      .optional()
      .describe(
        "Typed by the field and operator: an id, a list of ids ($in, $nin), text, a number, an ISO 8601 date, true/false; left out for $changed; true (is set) or false (is empty) for $exist",
      ),
  })
  .describe("A rule: the field's value (or, for $changed/$changedTo/$changedFrom, its change) tested by the operator");
const nestedGroupDoc = z.object({
  match: z.enum(["all", "any"]),
  rules: z.array(ruleDoc).min(1),
});
export const conditionsDoc = z
  .object({
    match: z.enum(["all", "any"]).describe('"all": every rule must hold; "any": at least one'),
    rules: z.array(z.union([ruleDoc, nestedGroupDoc])).min(1),
  })
  .nullable()
  .describe(
    `Optional conditions, combined (AND) with the event and project selection; null: none. At most ${MAX_CONDITION_RULES} rules in all; groups nest one level. A rule on a field the event does not carry does not hold.`,
  );

export const conditionReferenceResponse = z.object({
  id: z.string(),
  kind: z.enum(["list", "tag", "user", "customField", "option"]),
  name: z.string().nullable().describe("null when it was deleted and its name is not known"),
  deleted: z.boolean().describe("Deleted since the rule was saved: the rule no longer matches it"),
});

/** Parses conditions with errors keyed `conditions.rules[2].value`; null clears them. */
export const conditionsSchema = z
  .unknown()
  .transform((input, ctx): Conditions => {
    const result = parseConditions(input);
    if (result.success) return result.data;
    for (const issue of result.issues)
      ctx.addIssue({ code: "custom", message: issue.message, path: issue.path ? [issue.path] : [] });
    return z.NEVER;
  })
  // OpenAPI and JSON Schema show the documented form (the parse above is a function of its own).
  .meta(documentedForm());

function documentedForm() {
  const { $schema: _, ...schema } = z.toJSONSchema(conditionsDoc, { io: "input" });
  return schema;
}

/** GET /webhooks/condition-options: the projects whose lists, tags, people and fields to offer. */
export const conditionOptionsQuery = z.strictObject({
  projectIds: z
    .preprocess(
      (v) =>
        v === undefined
          ? undefined
          : [...new Set((Array.isArray(v) ? v : [v]).flatMap((x) => String(x).split(",")).filter(Boolean))],
      z
        .array(idSchema, { error: "must be a list of project ids" })
        .max(500, "must list at most 500 projects")
        .optional(),
    )
    .describe("Comma-separated project ids (the webhook's projects)"),
  allProjects: z
    .enum(["true", "false"], { error: "must be true or false" })
    .optional()
    .describe("true: every project of the caller (a webhook on all projects)"),
});

export const conditionOptionsResponse = z.object({
  lists: z.array(z.object({ id: z.string(), title: z.string(), projectId: z.string(), projectName: z.string() })),
  tags: z.array(z.object({ id: z.string(), title: z.string(), color: z.string(), projectId: z.string() })),
  people: z.array(z.object({ id: z.string(), name: z.string(), email: z.string() })),
  customFields: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      type: z.string().describe("Decides the operators and values a rule on it takes (see the conditions)"),
      projectId: z.string(),
      options: z.array(z.object({ id: z.string(), title: z.string() })),
    }),
  ),
});
