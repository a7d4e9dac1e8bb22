import { describe, expect, it } from "vitest";
import { LOCALES } from "@/i18n/locales";
import { filteredExplanation, ruleNumber } from "./explain";
import { FIELD_KEYS, OPERATORS } from "./fields";

describe("the FILTERED explanation", () => {
  it("numbers rules as the builder shows them", () => {
    expect(ruleNumber("rules[0]")).toBe("1");
    expect(ruleNumber("rules[1].rules[0]")).toBe("2.1");
  });

  it("names the rule in words in every language, for every field and operator", () => {
    for (const locale of LOCALES)
      for (const field of FIELD_KEYS)
        for (const operator of OPERATORS) {
          const text = filteredExplanation(locale, { path: "rules[2]", field, operator });
          expect(text).toContain("3");
          expect(text).not.toContain(field);
          expect(text).not.toContain("$");
        }
    expect(filteredExplanation("en", { path: "rules[1]", field: "record.tags", operator: "$contains" })).toBe(
      "Not sent: the event did not meet this webhook's conditions. Rule 2 (“Record tags contains”) did not hold.",
    );
    expect(filteredExplanation(null, { path: "rules[0]", field: "record.list", operator: "$eq" })).toContain("Rule 1");
  });
});
