// "Why (not) delivered?" for a webhook whose conditions left the event out, in the reader's
// language: the rule that failed, numbered as the builder shows it (rules[1].rules[0] → 2.1).
import { translatorFor } from "../../i18n/translator";
import type { FailedRule } from "./evaluate";

/** `rules[1].rules[0]` → `2.1`. */
export function ruleNumber(path: string): string {
  return [...path.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]) + 1).join(".");
}

export function filteredExplanation(locale: string | null | undefined, rule: FailedRule): string {
  const t = translatorFor(locale, "conditionsTrace");
  const field = `fields.${rule.field}`;
  const operator = `operators.${rule.operator.replace(/^\$/, "")}`;
  return t("filtered", {
    rule: ruleNumber(rule.path),
    field: t.has(field) ? t(field) : rule.field,
    operator: t.has(operator) ? t(operator) : rule.operator,
  });
}
