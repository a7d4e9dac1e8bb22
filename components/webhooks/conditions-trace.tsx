"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { apiFetch } from "@/lib/client/api-client";
import { webhookKeys } from "@/lib/client/query-keys";
import { useSentenceContext } from "./conditions-builder";
import type { ConditionGroup } from "./conditions-model";
import { ruleAt } from "./conditions-model";
import { useConditionOptions } from "./conditions-queries";
import { type ConditionReference, ruleSentence } from "./conditions-sentence";

type WebhookConditions = {
  allProjects: boolean;
  projectIds: string[];
  conditions?: ConditionGroup | null;
  conditionReferences?: ConditionReference[];
};

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
  const webhook = useQuery({
    queryKey: webhookKeys.detail(webhookId),
    queryFn: () => apiFetch<WebhookConditions>(`/api/v1/webhooks/${webhookId}`),
  });
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
