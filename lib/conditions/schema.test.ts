import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { zodFieldErrors } from "../api/errors";
import { createWebhookSchema, updateWebhookSchema } from "../validations/webhook";
import {
  type ConditionRule,
  conditionsSchema,
  customFieldRuleIssue,
  MAX_CONDITION_RULES,
  parseConditions,
} from "../validations/webhook-conditions";
import { ruleArb } from "./test-fixtures";

const base = { name: "Hook", url: "https://example.com/hook" };

/** The 422 fields a create body gets, keyed as the API answers. */
function errorsOf(conditions: unknown) {
  const result = createWebhookSchema.safeParse({ ...base, conditions });
  if (result.success) return {};
  return zodFieldErrors(result.error);
}

const doneRule = { field: "record.list", operator: "$changedTo", value: "lst_done" };

describe("conditions schema", () => {
  it("accepts a group with a nested group, and null (no conditions)", () => {
    const conditions = {
      match: "all",
      rules: [
        doneRule,
        {
          match: "any",
          rules: [
            { field: "record.tags", operator: "$contains", value: "tag_urgent" },
            { field: "record.customField", customFieldId: "cf_priority", operator: "$changedTo", value: "opt_high" },
          ],
        },
        { field: "record.dueDate", operator: "$changed" },
        { field: "record.dueDate", operator: "$gt", value: "2026-06-05" },
      ],
    };
    const parsed = createWebhookSchema.parse({ ...base, conditions });
    expect(parsed.conditions).toEqual(conditions);
    expect(createWebhookSchema.parse({ ...base, conditions: null }).conditions).toBeNull();
    expect(createWebhookSchema.parse(base).conditions).toBeUndefined();
    expect(updateWebhookSchema.parse({ conditions: null })).toEqual({ conditions: null });
  });

  it.each([
    [
      { match: "all", rules: [doneRule, doneRule, { field: "record.tags", operator: "$in", value: "tag_urgent" }] },
      "conditions.rules[2].value",
      "must be a list of tag ids",
    ],
    [
      { match: "all", rules: [{ field: "record.list", operator: "$gt", value: 3 }] },
      "conditions.rules[0].operator",
      '"$gt" does not apply to a list',
    ],
    [
      { match: "all", rules: [doneRule, { field: "record.customField", operator: "$eq", value: 1 }] },
      "conditions.rules[1].customFieldId",
      "is required for a custom field rule",
    ],
    [
      { match: "all", rules: [{ match: "any", rules: [doneRule, { field: "record.done", operator: "$eq" }] }] },
      "conditions.rules[0].rules[1].value",
      "is required for $eq",
    ],
    [
      { match: "all", rules: [{ field: "record.done", operator: "$changed", value: true }] },
      "conditions.rules[0].value",
      "must be left out for $changed",
    ],
    [
      { match: "all", rules: [{ field: "record.title", operator: "$eq", value: "x", extra: 1 }] },
      "conditions.rules[0].extra",
      "is not a known key",
    ],
    [
      { match: "all", rules: [{ field: "record.colour", operator: "$eq", value: "x" }] },
      "conditions.rules[0].field",
      '"record.colour" is not a condition field',
    ],
    [
      { match: "all", rules: [{ field: "record.title", operator: "$regex", value: "x" }] },
      "conditions.rules[0].operator",
      '"$regex" is not an operator',
    ],
    [{ match: "some", rules: [doneRule] }, "conditions.match", 'must be "all" or "any"'],
    [{ match: "all", rules: [] }, "conditions.rules", "must have at least one rule"],
    [
      { match: "all", rules: [{ match: "any", rules: [{ match: "all", rules: [doneRule] }] }] },
      "conditions.rules[0].rules[0]",
      "groups nest one level only",
    ],
    [
      { match: "all", rules: Array.from({ length: MAX_CONDITION_RULES + 1 }, () => doneRule) },
      "conditions.rules",
      `must have at most ${MAX_CONDITION_RULES} rules in all`,
    ],
    [
      { match: "all", rules: [{ field: "record.customField", customFieldId: "cf", operator: "$gt", value: "x" }] },
      "conditions.rules[0].value",
      "must be a number or an ISO 8601 date",
    ],
    [
      { match: "all", rules: [{ field: "record.dueDate", operator: "$gt", value: "next week" }] },
      "conditions.rules[0].value",
      "must be an ISO 8601 date",
    ],
    ["all", "conditions", "must be a group"],
    [[doneRule], "conditions", "must be a group"],
  ])("%j → %s", (conditions, path, message) => {
    const fields = errorsOf(conditions);
    expect(Object.keys(fields)).toContain(path);
    expect(fields[path].join(" ")).toContain(message);
  });

  it("a custom field rule is checked again once the field's type is known", () => {
    const rule: ConditionRule = { field: "record.customField", customFieldId: "cf", operator: "$gt", value: 3 };
    expect(customFieldRuleIssue("NUMBER", rule)).toBeNull();
    expect(customFieldRuleIssue("DATE", rule)).toEqual({ at: "value", message: expect.stringContaining("ISO 8601") });
    expect(customFieldRuleIssue("SELECT_SINGLE", rule)).toEqual({
      at: "operator",
      message: '"$gt" does not apply to a single-choice field',
    });
    expect(customFieldRuleIssue("SELECT_MULTI", { ...rule, operator: "$in", value: "opt" })).toEqual({
      at: "value",
      message: "must be a list of option ids",
    });
  });

  it("every valid rule parses to itself, alone or in a nested group", () => {
    fc.assert(
      fc.property(fc.array(ruleArb, { minLength: 1, maxLength: 10 }), (rules) => {
        const conditions = { match: "any" as const, rules: [rules[0], { match: "all" as const, rules }] };
        expect(conditionsSchema.parse(conditions)).toEqual(conditions);
      }),
    );
  });

  it("no input throws anything but a validation error", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 5 }), (input) => {
        const result = parseConditions(input);
        if (!result.success) expect(result.issues.length).toBeGreaterThan(0);
      }),
    );
  });
});
