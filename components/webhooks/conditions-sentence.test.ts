import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LOCALES } from "@/i18n/locales";
import { translatorFor } from "@/i18n/translator";
import {
  type ConditionGroup,
  type ConditionRule,
  type CustomFieldType,
  choicesFor,
  type Family,
  newRule,
} from "./conditions-model";
import {
  type ConditionReference,
  conditionsSentence,
  nameLookup,
  ruleSentence,
  type SentenceContext,
} from "./conditions-sentence";

const OPTIONS = {
  lists: [
    { id: "l-todo", title: "To do" },
    { id: "l-done", title: "Done" },
    { id: "l-review", title: "Review" },
  ],
  tags: [
    { id: "t-urgent", title: "Urgent" },
    { id: "t-design", title: "Design" },
  ],
  people: [
    { id: "u-dana", name: "Dana Demo" },
    { id: "u-sam", name: "Sam Other" },
  ],
  customFields: [
    {
      id: "cf-priority",
      name: "Priority",
      type: "SELECT_SINGLE" as CustomFieldType,
      options: [
        { id: "o-high", title: "High" },
        { id: "o-low", title: "Low" },
      ],
    },
    { id: "cf-budget", name: "Budget", type: "CURRENCY" as CustomFieldType, options: [] },
    { id: "cf-launch", name: "Launch", type: "DATE" as CustomFieldType, options: [] },
    { id: "cf-notes", name: "Notes", type: "TEXT_SINGLE" as CustomFieldType, options: [] },
    { id: "cf-signed", name: "Signed", type: "CHECKBOX" as CustomFieldType, options: [] },
    { id: "cf-areas", name: "Areas", type: "SELECT_MULTI" as CustomFieldType, options: [{ id: "o-eu", title: "EU" }] },
  ],
};

function context(locale: string, references: ConditionReference[] = []): SentenceContext {
  const t = translatorFor(locale, "conditions");
  return { t: (key, values) => t(key, values), locale, ...nameLookup(OPTIONS, references) };
}

const en = context("en");
const movedIntoDone: ConditionRule = { field: "record.list", operator: "$changedTo", value: "l-done" };
const taggedUrgent: ConditionRule = { field: "record.tags", operator: "$contains", value: "t-urgent" };

describe("conditions read back in plain words", () => {
  it("reads “moved into Done and tagged Urgent” as one sentence", () => {
    expect(conditionsSentence({ match: "all", rules: [movedIntoDone, taggedUrgent] }, en)).toBe(
      "Send only when the record moved into Done and the record is tagged Urgent.",
    );
  });

  it("joins “any of” with or, and puts a nested group in brackets", () => {
    const group: ConditionGroup = {
      match: "any",
      rules: [
        { field: "record.done", operator: "$changedTo", value: true },
        {
          match: "all",
          rules: [
            { field: "record.list", operator: "$in", value: ["l-done", "l-review"] },
            { field: "record.customField", customFieldId: "cf-priority", operator: "$changedTo", value: "o-high" },
          ],
        },
      ],
    };
    expect(conditionsSentence(group, en)).toBe(
      "Send only when the record was marked done or (the record is in Done or Review and Priority changed to High).",
    );
  });

  it("reads each kind of value: several names, numbers, days and text, in the reader's language", () => {
    expect(ruleSentence({ field: "record.assignees", operator: "$nin", value: ["u-dana", "u-sam"] }, en)).toBe(
      "the record is not assigned to Dana Demo or Sam Other",
    );
    expect(
      ruleSentence({ field: "record.customField", customFieldId: "cf-budget", operator: "$gte", value: 1234.5 }, en),
    ).toBe("Budget is at least 1,234.5");
    expect(ruleSentence({ field: "record.dueDate", operator: "$lt", value: "2026-12-24" }, en)).toBe(
      "the record is due before Dec 24, 2026",
    );
    expect(ruleSentence({ field: "record.title", operator: "$contains", value: "invoice" }, en)).toBe(
      "the record’s title contains “invoice”",
    );
    const sv = context("sv");
    expect(
      ruleSentence({ field: "record.customField", customFieldId: "cf-budget", operator: "$gt", value: 1234.5 }, sv),
    ).toBe("Budget är större än 1\u00a0234,5");
    expect(conditionsSentence({ match: "all", rules: [movedIntoDone, taggedUrgent] }, sv)).toBe(
      "Skicka bara när posten flyttades till Done och posten har etiketten Urgent.",
    );
  });

  it("names a deleted list, tag or field as deleted, and one outside the projects as such, instead of hiding the rule", () => {
    const references: ConditionReference[] = [
      { id: "l-gone", kind: "list", name: "Archive", deleted: true },
      { id: "t-gone", kind: "tag", name: null, deleted: true },
    ];
    const ctx = context("en", references);
    expect(ruleSentence({ field: "record.list", operator: "$changedTo", value: "l-gone" }, ctx)).toBe(
      "the record moved into Archive (deleted list)",
    );
    expect(ruleSentence({ field: "record.tags", operator: "$contains", value: "t-gone" }, ctx)).toBe(
      "the record is tagged a deleted tag",
    );
    expect(ruleSentence({ field: "record.list", operator: "$eq", value: "l-unknown" }, ctx)).toBe(
      "the record is in a list outside the chosen projects",
    );
    const goneField = context("en", [{ id: "cf-gone", kind: "customField", name: "Budget 2025", deleted: true }]);
    expect(
      ruleSentence({ field: "record.customField", customFieldId: "cf-gone", operator: "$eq", value: 1 }, goneField),
    ).toBe("a condition on Budget 2025 (deleted custom field) that can no longer be checked");
  });

  it("names a deleted list, tag, field or person as such in every language", () => {
    const references: ConditionReference[] = [
      { id: "l-gone", kind: "list", name: "Archive", deleted: true },
      { id: "t-gone", kind: "tag", name: null, deleted: true },
      { id: "u-gone", kind: "user", name: null, deleted: true },
      { id: "cf-gone", kind: "customField", name: "Budget 2025", deleted: true },
    ];
    const rules: ConditionRule[] = [
      { field: "record.list", operator: "$changedTo", value: "l-gone" },
      { field: "record.tags", operator: "$contains", value: "t-gone" },
      { field: "comment.author", operator: "$eq", value: "u-gone" },
      { field: "record.customField", customFieldId: "cf-gone", operator: "$eq", value: 1 },
    ];
    for (const locale of LOCALES) {
      const t = translatorFor(locale, "conditions");
      const ctx = context(locale, references);
      const [list, tag, user, field] = rules.map((rule) => ruleSentence(rule, ctx));
      expect(list, locale).toContain(t("deletedNamed", { name: "Archive", kind: "list" }));
      expect(tag, locale).toContain(t("deletedUnnamed", { kind: "tag" }));
      expect(user, locale).toContain(t("deletedUnnamed", { kind: "user" }));
      expect(field, locale).toContain(t("deletedNamed", { name: "Budget 2025", kind: "customField" }));
      // Deleted reads differently from existing, and from "outside the chosen projects".
      expect(t("deletedNamed", { name: "Archive", kind: "list" }), locale).not.toBe("Archive");
      expect(t("deletedUnnamed", { kind: "tag" }), locale).not.toBe(t("unknownReference", { kind: "tag" }));
    }
  });

  it("shows an unfinished rule with a gap, not a code", () => {
    expect(ruleSentence({ field: "record.list", operator: "$changedTo" }, en)).toBe("the record moved into …");
  });

  const FIELDS: Array<[Family, ConditionRule["field"], string?]> = [
    ["list", "record.list"],
    ["tags", "record.tags"],
    ["assignees", "record.assignees"],
    ["done", "record.done"],
    ["dueDate", "record.dueDate"],
    ["title", "record.title"],
    ["commentAuthor", "comment.author"],
    ["checklistItemDone", "checklistItem.done"],
    ["cfOption", "record.customField", "cf-priority"],
    ["cfNumber", "record.customField", "cf-budget"],
    ["cfDate", "record.customField", "cf-launch"],
    ["cfText", "record.customField", "cf-notes"],
    ["cfCheckbox", "record.customField", "cf-signed"],
    ["cfOptions", "record.customField", "cf-areas"],
  ];
  const VALUES: Record<string, fc.Arbitrary<unknown>> = {
    list: fc.constantFrom("l-todo", "l-done", "l-gone"),
    tag: fc.constantFrom("t-urgent", "t-design"),
    user: fc.constantFrom("u-dana", "u-sam"),
    option: fc.constantFrom("o-high", "o-low", "o-eu"),
  };

  it("reads every choice of every field in every language, whatever the value (no code, no placeholder)", () => {
    const contexts = LOCALES.map((locale) => context(locale));
    const arbitrary = fc
      .tuple(fc.constantFrom(...FIELDS), fc.constantFrom(...contexts), fc.nat())
      .chain(([[family, field, customFieldId], ctx, pick]) => {
        const choices = choicesFor(family);
        const choice = choices[pick % choices.length];
        const input = choice.input;
        const value: fc.Arbitrary<unknown> =
          choice.fixed !== undefined
            ? fc.constant(choice.fixed)
            : input.kind === "one"
              ? VALUES[input.ref]
              : input.kind === "many"
                ? fc.array(VALUES[input.ref], { minLength: 1, maxLength: 3 })
                : input.kind === "number"
                  ? fc.double({ noNaN: true, noDefaultInfinity: true })
                  : input.kind === "date"
                    ? fc.date({ noInvalidDate: true, min: new Date(0) }).map((d) => d.toISOString().slice(0, 10))
                    : input.kind === "text"
                      ? fc.string({ minLength: 1 })
                      : fc.constant(undefined);
        return value.map((v) => ({
          ctx,
          rule: {
            field,
            ...(customFieldId ? { customFieldId } : {}),
            operator: choice.operator,
            ...(v === undefined ? {} : { value: v }),
          } as ConditionRule,
        }));
      });
    fc.assert(
      fc.property(arbitrary, ({ ctx, rule }) => {
        const sentence = ruleSentence(rule, ctx);
        expect(sentence.length).toBeGreaterThan(0);
        // Typed text is read back as typed; everything else is words.
        const words = typeof rule.value === "string" ? sentence.replace(rule.value, "") : sentence;
        expect(words).not.toMatch(/[${}]|\bconditions\.|\bundefined\b|\bnull\b|\bNaN\b/);
      }),
      { numRuns: 400 },
    );
  });

  it("labels every choice of every field in every language", () => {
    for (const locale of LOCALES) {
      const t = translatorFor(locale, "conditions");
      for (const [family] of FIELDS)
        for (const choice of choicesFor(family)) {
          expect(t.has(`${family}.choices.${choice.id}`), `${locale} ${family}.choices.${choice.id}`).toBe(true);
          expect(t.has(`${family}.sentence.${choice.id}`), `${locale} ${family}.sentence.${choice.id}`).toBe(true);
        }
    }
  });

  it("starts a new rule on each field with a readable first choice", () => {
    expect(ruleSentence(newRule("record.done", "done"), en)).toBe("the record is done");
    expect(ruleSentence(newRule("record.list", "list"), en)).toBe("the record is in …");
  });
});
