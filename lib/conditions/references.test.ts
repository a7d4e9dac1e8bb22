import { describe, expect, it } from "vitest";
import { customFieldIdsOf, namedReferences } from "./references";

const conditions = {
  match: "all" as const,
  rules: [
    { field: "record.list" as const, operator: "$in" as const, value: ["lst_a", "lst_b"] },
    {
      match: "any" as const,
      rules: [
        { field: "record.customField" as const, customFieldId: "cf_sel", operator: "$eq" as const, value: "opt_hi" },
        { field: "record.customField" as const, customFieldId: "cf_num", operator: "$gt" as const, value: 3 },
        { field: "comment.author" as const, operator: "$eq" as const, value: "usr_a" },
      ],
    },
    { field: "record.title" as const, operator: "$contains" as const, value: "lst_a" },
    { field: "record.tags" as const, operator: "$exist" as const, value: true },
  ],
};

describe("the ids conditions name", () => {
  it("each with the rule part that names it; an option's once its field is known to be a select", () => {
    expect(customFieldIdsOf(conditions)).toEqual(["cf_sel", "cf_num"]);
    expect(customFieldIdsOf(null)).toEqual([]);
    const known = new Map([
      ["cf_sel", "SELECT_SINGLE" as const],
      ["cf_num", "NUMBER" as const],
    ]);
    expect(namedReferences(conditions, known)).toEqual([
      { path: "rules[0].value", kind: "list", id: "lst_a" },
      { path: "rules[0].value", kind: "list", id: "lst_b" },
      { path: "rules[1].rules[0].customFieldId", kind: "customField", id: "cf_sel" },
      { path: "rules[1].rules[0].value", kind: "option", id: "opt_hi", customFieldId: "cf_sel" },
      { path: "rules[1].rules[1].customFieldId", kind: "customField", id: "cf_num" },
      { path: "rules[1].rules[2].value", kind: "user", id: "usr_a" },
    ]);
    // A field that is gone names no options (its own reference shows it deleted).
    expect(namedReferences(conditions, new Map()).filter((r) => r.kind === "option")).toEqual([]);
  });
});
