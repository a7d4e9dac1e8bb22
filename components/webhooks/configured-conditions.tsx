"use client";

import { useTranslations } from "next-intl";
import { useSentenceContext } from "./conditions-builder";
import type { ConditionGroup } from "./conditions-model";
import { useConditionOptions } from "./conditions-queries";
import { type ConditionReference, conditionsSentence } from "./conditions-sentence";

type ConfiguredWebhook = {
  allProjects: boolean;
  projectIds: string[];
  conditions: unknown;
  conditionReferences: ConditionReference[];
};

/**
 * The webhook's conditions on its page, read-only, as the builder reads them back: one sentence,
 * with a list, tag, field or person deleted since named as deleted.
 */
export function ConfiguredConditions({ webhook }: { webhook: ConfiguredWebhook }) {
  const t = useTranslations("webhookConditionsView");
  const conditions = (webhook.conditions ?? null) as ConditionGroup | null;
  const options = useConditionOptions(
    { allProjects: webhook.allProjects, projectIds: webhook.projectIds },
    conditions !== null,
  );
  const ctx = useSentenceContext(options.data, webhook.conditionReferences);
  // Without the projects' options a custom field's type is unknown (its rule would read as uncheckable).
  const ready = conditions !== null && (options.data !== undefined || options.isError);
  return (
    <div className="sm:col-span-2">
      <dt className="text-xs text-slate-500">{t("label")}</dt>
      <dd data-testid="configured-conditions" aria-busy={conditions !== null && !ready}>
        {conditions === null ? t("none") : ready ? conditionsSentence(conditions, ctx) : t("loading")}
      </dd>
    </div>
  );
}
