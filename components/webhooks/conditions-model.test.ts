import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type CustomFieldType, type FieldKey, operatorsFor } from "@/lib/conditions/fields";
import { parseConditions } from "@/lib/validations/webhook-conditions";
import {
  apiConditionErrors,
  applyChoice,
  type ConditionGroup,
  type ConditionRule,
  choiceOf,
  choicesFor,
  conditionErrorsByPath,
  type Family,
  familyOf,
  fieldsForEvents,
  isRuleComplete,
  newRule,
  parseTypedValue,
  previewBody,
  ruleAt,
  rulePaths,
  typedValueText,
} from "./conditions-model";

const FAMILIES: Family[] = [
  "list",
  "tags",
  "assignees",
  "done",
  "dueDate",
  "title",
  "commentAuthor",
  "checklistItemDone",
  "cfText",
  "cfNumber",
  "cfCheckbox",
  "cfDate",
  "cfOption",
  "cfOptions",
];

const choice = (family: Family, id: string) => {
  const found = choicesFor(family).find((c) => c.id === id);
  if (!found) throw new Error(`${family} has no choice ${id}`);
  return found;
};

/** A field of each family, to ask the catalogue (lib/conditions/fields.ts) what it takes. */
const FIELD_OF: Record<Family, [FieldKey, CustomFieldType?]> = {
  list: ["record.list"],
  tags: ["record.tags"],
  assignees: ["record.assignees"],
  done: ["record.done"],
  dueDate: ["record.dueDate"],
  title: ["record.title"],
  commentAuthor: ["comment.author"],
  checklistItemDone: ["checklistItem.done"],
  cfText: ["record.customField", "URL"],
  cfNumber: ["record.customField", "PERCENT"],
  cfCheckbox: ["record.customField", "CHECKBOX"],
  cfDate: ["record.customField", "DATE"],
  cfOption: ["record.customField", "SELECT_SINGLE"],
  cfOptions: ["record.customField", "SELECT_MULTI"],
};

/** A value the choice's input could produce. */
function sampleValue(kind: string): unknown {
  return {
    one: "ckid0000000000000000000001",
    many: ["ckid0000000000000000000001"],
    text: "Urgent",
    number: 3,
    date: "2026-12-24",
  }[kind];
}

describe("the choices a field offers", () => {
  it("offers exactly the catalogue's operators for every field type, and builds rules the API accepts", () => {
    for (const family of FAMILIES) {
      const [field, customFieldType] = FIELD_OF[family];
      expect(familyOf(field, customFieldType)).toBe(family);
      const offered = [...new Set(choicesFor(family).map((c) => c.operator))].sort();
      expect(offered, family).toEqual([...operatorsFor(field, customFieldType)].sort());
      for (const c of choicesFor(family)) {
        const rule: ConditionRule = {
          field,
          ...(customFieldType ? { customFieldId: "ckid0000000000000000000002" } : {}),
          operator: c.operator,
          ...(c.fixed !== undefined
            ? { value: c.fixed }
            : c.input.kind === "none"
              ? {}
              : { value: sampleValue(c.input.kind) }),
        };
        const parsed = parseConditions({ match: "all", rules: [rule] });
        expect(parsed.success, `${family} ${c.id}: ${JSON.stringify(parsed)}`).toBe(true);
      }
    }
  });

  it("offers the contract's operators per field type, with is set / is empty as two choices", () => {
    const operators = (family: Family) => [...new Set(choicesFor(family).map((c) => c.operator))].sort();
    expect(operators("list")).toEqual(["$changed", "$changedFrom", "$changedTo", "$eq", "$in", "$neq", "$nin"]);
    expect(operators("tags")).toEqual(
      ["$changed", "$changedFrom", "$changedTo", "$contains", "$exist", "$in", "$nin"].sort(),
    );
    expect(operators("done")).toEqual(["$changed", "$changedTo", "$eq"]);
    expect(operators("dueDate")).toEqual(["$changed", "$exist", "$gt", "$lt"]);
    expect(operators("title")).toEqual(["$changed", "$contains", "$eq", "$exist", "$neq"]);
    expect(operators("commentAuthor")).toEqual(["$eq", "$in", "$neq", "$nin"]);
    expect(operators("cfNumber")).toEqual(
      ["$changed", "$changedFrom", "$changedTo", "$eq", "$exist", "$gt", "$gte", "$lt", "$lte", "$neq"].sort(),
    );
    expect(operators("cfOption")).toEqual(
      ["$changed", "$changedFrom", "$changedTo", "$eq", "$exist", "$in", "$neq", "$nin"].sort(),
    );
    expect(choice("tags", "isSet")).toMatchObject({ operator: "$exist", fixed: true });
    expect(choice("tags", "isEmpty")).toMatchObject({ operator: "$exist", fixed: false });
  });

  it("types custom fields by their type", () => {
    expect(familyOf("record.customField", "RATING")).toBe("cfNumber");
    expect(familyOf("record.customField", "EMAIL")).toBe("cfText");
    expect(familyOf("record.customField", "SELECT_MULTI")).toBe("cfOptions");
    expect(familyOf("record.customField", undefined)).toBeNull();
    expect(familyOf("record.done")).toBe("done");
  });

  it("finds the choice a stored rule was made with, for every choice of every field", () => {
    fc.assert(
      fc.property(fc.constantFrom(...FAMILIES), fc.nat(), (family, pick) => {
        const choices = choicesFor(family);
        const picked = choices[pick % choices.length];
        const rule = applyChoice(newRule("record.title", family), family, picked);
        expect(choiceOf(family, rule)?.id).toBe(picked.id);
      }),
    );
  });

  it("keeps a value that still fits the new choice, wraps or unwraps one name, and drops the rest", () => {
    const inDone: ConditionRule = { field: "record.list", operator: "$eq", value: "l-done" };
    expect(applyChoice(inDone, "list", choice("list", "changedTo"))).toEqual({ ...inDone, operator: "$changedTo" });
    expect(applyChoice(inDone, "list", choice("list", "in"))).toEqual({
      ...inDone,
      operator: "$in",
      value: ["l-done"],
    });
    expect(applyChoice({ ...inDone, operator: "$in", value: ["l-done"] }, "list", choice("list", "eq"))).toEqual(
      inDone,
    );
    expect(applyChoice(inDone, "list", choice("list", "changed"))).toEqual({
      field: "record.list",
      operator: "$changed",
    });
    const done: ConditionRule = { field: "record.done", operator: "$eq", value: true };
    expect(applyChoice(done, "done", choice("done", "becameFalse"))).toEqual({
      field: "record.done",
      operator: "$changedTo",
      value: false,
    });
    const over: ConditionRule = { field: "record.customField", customFieldId: "cf", operator: "$gt", value: 5 };
    expect(applyChoice(over, "cfNumber", choice("cfNumber", "isSet"))).toEqual({
      ...over,
      operator: "$exist",
      value: true,
    });
  });
});

describe("typed values", () => {
  it("reads numbers with a point or a comma, and nothing else", () => {
    expect(parseTypedValue("number", "12")).toBe(12);
    expect(parseTypedValue("number", " 1,5 ")).toBe(1.5);
    expect(parseTypedValue("number", "-0.25")).toBe(-0.25);
    expect(parseTypedValue("number", "")).toBeUndefined();
    expect(parseTypedValue("number", "ten")).toBeUndefined();
    expect(parseTypedValue("number", "Infinity")).toBeUndefined();
  });

  it("keeps a picked day as YYYY-MM-DD and text as typed", () => {
    expect(parseTypedValue("date", "2026-12-24")).toBe("2026-12-24");
    expect(parseTypedValue("date", "24.12.2026")).toBeUndefined();
    expect(parseTypedValue("text", "Invoice")).toBe("Invoice");
    expect(parseTypedValue("text", "")).toBeUndefined();
  });

  it("shows a stored value back in its input", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
        expect(parseTypedValue("number", typedValueText("number", n))).toBe(n === 0 ? 0 : n);
      }),
    );
    expect(typedValueText("date", "2026-12-24T10:00:00Z")).toBe("2026-12-24");
    expect(typedValueText("text", undefined)).toBe("");
  });
});

describe("finished rules", () => {
  it("needs the value the choice asks for", () => {
    expect(isRuleComplete({ field: "record.list", operator: "$changedTo" }, "list")).toBe(false);
    expect(isRuleComplete({ field: "record.list", operator: "$changedTo", value: "l" }, "list")).toBe(true);
    expect(isRuleComplete({ field: "record.list", operator: "$in", value: [] }, "list")).toBe(false);
    expect(isRuleComplete({ field: "record.list", operator: "$changed" }, "list")).toBe(true);
    expect(isRuleComplete({ field: "record.customField", operator: "$eq", value: 3 }, "cfNumber")).toBe(false);
    expect(
      isRuleComplete({ field: "record.customField", customFieldId: "c", operator: "$eq", value: 3 }, "cfNumber"),
    ).toBe(true);
    expect(isRuleComplete({ field: "record.list", operator: "$gt", value: "x" }, "list")).toBe(false);
    expect(
      isRuleComplete({ field: "record.customField", customFieldId: "gone", operator: "$eq", value: 1 }, null),
    ).toBe(false);
  });
});

const NESTED: ConditionGroup = {
  match: "all",
  rules: [
    { field: "record.list", operator: "$changedTo", value: "l-done" },
    {
      match: "any",
      rules: [
        { field: "record.tags", operator: "$contains", value: "t-urgent" },
        { field: "record.done", operator: "$eq", value: true },
      ],
    },
  ],
};

describe("rule paths", () => {
  it("names every rule as the JSON form does", () => {
    expect(rulePaths(NESTED).map((r) => [r.path, r.nested])).toEqual([
      ["rules[0]", false],
      ["rules[1].rules[0]", true],
      ["rules[1].rules[1]", true],
    ]);
    expect(ruleAt(NESTED, "rules[1].rules[1]")).toEqual({ field: "record.done", operator: "$eq", value: true });
    expect(ruleAt(NESTED, "rules[2]")).toBeNull();
    expect(ruleAt(null, "rules[0]")).toBeNull();
  });

  it("puts the form's and the API's errors on the rule they name", () => {
    const formErrors = {
      rules: [undefined, { rules: [undefined, { value: { message: "must be true or false", type: "custom" } }] }],
    };
    expect(conditionErrorsByPath(formErrors)).toEqual({
      "rules[1].rules[1]": { part: "value", message: "must be true or false" },
    });
    expect(conditionErrorsByPath({ message: "at most 20 rules", type: "custom" })).toEqual({
      "": { part: "", message: "at most 20 rules" },
    });
    expect(
      apiConditionErrors({
        "conditions.rules[0].value": ["must be a list id of the webhook's projects"],
        "conditions.rules[1].rules[0].operator": ['"$gt" does not apply to a list'],
        name: ["is required"],
      }),
    ).toEqual({
      "rules[0]": "value: must be a list id of the webhook's projects",
      "rules[1].rules[0]": 'operator: "$gt" does not apply to a list',
    });
  });
});

describe("fields the chosen events carry", () => {
  it("offers record fields for record, comment and checklist events, and the comment's or item's own", () => {
    expect(fieldsForEvents(false, ["TODO_MOVED"])).toEqual([
      "record.list",
      "record.tags",
      "record.assignees",
      "record.done",
      "record.dueDate",
      "record.title",
      "record.customField",
    ]);
    expect(fieldsForEvents(false, ["COMMENT_CREATED"])).toContain("comment.author");
    expect(fieldsForEvents(false, ["TODO_CHECKLIST_ITEM_DONE_STATUS_UPDATED"])).toContain("checklistItem.done");
    expect(fieldsForEvents(false, ["TODO_MOVED"])).not.toContain("comment.author");
    expect(fieldsForEvents(false, ["TAG_CREATED", "PROJECT_CREATED"])).toEqual([]);
    expect(fieldsForEvents(true, [])).toHaveLength(9);
  });
});

describe("the preview's question", () => {
  const form = { allEvents: false, events: ["TODO_MOVED"], allProjects: false, projectIds: ["p1"], conditions: NESTED };
  it("waits for events, projects and finished rules", () => {
    expect(previewBody({ ...form, events: [] }, () => undefined)).toBe("noSelection");
    expect(previewBody({ ...form, projectIds: [] }, () => undefined)).toBe("noSelection");
    expect(
      previewBody(
        { ...form, conditions: { match: "all", rules: [{ field: "record.list", operator: "$eq" }] } },
        () => undefined,
      ),
    ).toBe("incomplete");
    expect(previewBody(form, () => undefined)).toEqual(form);
    expect(previewBody({ ...form, allProjects: true, conditions: null }, () => undefined)).toEqual({
      ...form,
      allProjects: true,
      projectIds: [],
      conditions: null,
    });
  });
});

describe("the form's own validation", () => {
  it("puts a rule's error from the shared schema on that rule", async () => {
    const { zodResolver } = await import("@hookform/resolvers/zod");
    const { createWebhookSchema } = await import("@/lib/validations/webhook");
    const resolve = zodResolver(createWebhookSchema);
    const result = await resolve(
      {
        name: "Urgent done",
        url: "https://example.com/hook",
        conditions: {
          match: "all",
          rules: [
            { field: "record.list", operator: "$changedTo", value: "l-done" },
            { match: "any", rules: [{ field: "record.tags", operator: "$gt", value: "t-urgent" }] },
          ],
        },
      },
      undefined,
      { fields: {}, shouldUseNativeValidation: false },
    );
    expect(conditionErrorsByPath(result.errors.conditions)).toEqual({
      "rules[1].rules[0]": { part: "operator", message: '"$gt" does not apply to tags' },
    });
  });

  it("shows a rule's error as a sentence naming the rule's part, in the reader's language", async () => {
    const { zodResolver } = await import("@hookform/resolvers/zod");
    const { createWebhookSchema } = await import("@/lib/validations/webhook");
    const { withSentences } = await import("../form-errors");
    const { translatorFor } = await import("@/i18n/translator");
    const body = {
      name: "Urgent done",
      url: "https://example.com/hook",
      conditions: {
        match: "all",
        rules: [
          { field: "record.title", operator: "$contains", value: "" },
          { match: "any", rules: [{ field: "record.tags", operator: "$gt", value: "t-urgent" }] },
          { field: "record.list", operator: "$eq", customFieldId: "cf1", value: "l1" },
        ],
      },
    };
    const options = { fields: {}, shouldUseNativeValidation: false };
    const en = await withSentences(zodResolver(createWebhookSchema), translatorFor("en", "formErrors"))(
      body as never,
      undefined,
      options,
    );
    expect(conditionErrorsByPath(en.errors.conditions)).toEqual({
      "rules[0]": { part: "value", message: "Please fill in “Value”." },
      "rules[1].rules[0]": {
        part: "operator",
        message: "“Comparison”: this comparison does not work for this kind of value; please choose another one.",
      },
      "rules[2]": {
        part: "customFieldId",
        message: "“Custom field” belongs only to a rule on a custom field; please remove it.",
      },
    });
    const ru = await withSentences(zodResolver(createWebhookSchema), translatorFor("ru", "formErrors"))(
      body as never,
      undefined,
      options,
    );
    expect(conditionErrorsByPath(ru.errors.conditions)["rules[0]"]?.message).toBe("Заполните поле «Значение».");
  });
});
