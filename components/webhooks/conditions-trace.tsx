"use client";

import { useTranslations } from "next-intl";
import { useSentenceContext } from "./conditions-builder";
import { ruleAt } from "./conditions-model";
import { useConditionOptions } from "./conditions-queries";
import { ruleSentence } from "./conditions-sentence";
import { useWebhook } from "./queries";

/**
 * "Not sent, because this condition was not met: the record moved into Done." The rule is read
 * from the webhook's current conditions; when they changed since, the trace says so instead.
 */
export function FilteredExplanation({
  webhookId,
  failedRule,
}: {
  webhookId: string;
  failedRule: { path: string; field: string; operator: string } | null;
}) {
  const t = useTranslations("conditions.trace");
  const webhook = useWebhook(webhookId);
  const options = useConditionOptions(
    { allProjects: webhook.data?.allProjects ?? false, projectIds: webhook.data?.projectIds ?? [] },
    webhook.data !== undefined,
  );
  const ctx = useSentenceContext(options.data, webhook.data?.conditionReferences);
  const rule = failedRule ? ruleAt(webhook.data?.conditions ?? null, failedRule.path) : null;
  const same = rule !== null && rule.field === failedRule?.field && rule.operator === failedRule.operator;
  return (
    <p className="text-amber-700" data-testid="filtered-explanation">
      {webhook.isPending
        ? t("filteredLabel")
        : same && rule
          ? t("filtered", { rule: ruleSentence(rule, ctx) })
          : t("filteredChanged")}
    </p>
  );
}
