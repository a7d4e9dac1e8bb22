"use client";

import { useTranslations } from "next-intl";
import type { HealthState } from "@/lib/webhook-health";

const STATES: HealthState[] = ["NO_DATA", "HEALTHY", "DEGRADED", "UNHEALTHY", "DISABLED"];

/** What each health state means and when failures turn a webhook off. */
export function HealthLegend() {
  const t = useTranslations("webhookPage.healthHelp");
  return (
    <details className="text-sm text-slate-700" data-testid="health-legend">
      <summary className="cursor-pointer font-medium text-brand-700">{t("title")}</summary>
      <ul className="mt-2 flex list-disc flex-col gap-1 pl-5">
        {STATES.map((state) => (
          <li key={state}>{t(state)}</li>
        ))}
      </ul>
      <p className="mt-2">{t("retries")}</p>
    </details>
  );
}
