"use client";

import { useFormatter, useTranslations } from "next-intl";
import type { z } from "zod";
import type { webhookHealthResponse } from "@/lib/validations/webhook";
import { useRelativeTime } from "../i18n/use-relative-time";
import { Alert } from "../ui/alert";
import { Card } from "../ui/card";
import { HealthLegend } from "./health-legend";

type Health = z.output<typeof webhookHealthResponse>;

const STATE_STYLES: Record<Health["state"], string> = {
  NO_DATA: "text-slate-600",
  HEALTHY: "text-emerald-700",
  DEGRADED: "text-amber-700",
  UNHEALTHY: "text-red-700",
  DISABLED: "text-slate-600",
};

export function HealthCard({ health }: { health: Health }) {
  const t = useTranslations("webhookPage");
  const states = useTranslations("webhooks.health");
  const format = useFormatter();
  const relative = useRelativeTime();
  const when = (iso: string | null) => (iso ? relative.ago(new Date(iso)) : t("never"));
  const ms = (v: number | null) => (v === null ? t("none") : `${v} ms`);
  const facts: [string, string][] = [
    [
      t("successRate"),
      health.successRate24h === null
        ? t("none")
        : format.number(health.successRate24h, { style: "percent", maximumFractionDigits: 1 }),
    ],
    [t("latency"), `${ms(health.latencyMs.p50)} / ${ms(health.latencyMs.p95)} / ${ms(health.latencyMs.p99)}`],
    [t("lastSuccess"), when(health.lastSuccessAt)],
    [t("lastFailure"), when(health.lastFailureAt)],
    [t("consecutiveFailures"), String(health.consecutiveFailures)],
  ];
  return (
    <Card>
      <h2 className="mb-3 text-lg font-semibold">{t("health")}</h2>
      <p className={`mb-3 text-xl font-semibold ${STATE_STYLES[health.state]}`} data-testid="health-state">
        {states(health.state)}
      </p>
      {health.failuresUntilDisabled !== null && health.consecutiveFailures > 0 ? (
        <div className="mb-3">
          <Alert tone="info">{t("disableWarning", { count: health.failuresUntilDisabled })}</Alert>
        </div>
      ) : null}
      <dl className="grid grid-cols-2 gap-x-6 gap-y-2 text-sm md:grid-cols-5">
        {facts.map(([label, value]) => (
          <div key={label}>
            <dt className="text-xs text-slate-500">{label}</dt>
            <dd className="font-medium">{value}</dd>
          </div>
        ))}
      </dl>
      <div className="mt-4">
        <HealthLegend />
      </div>
    </Card>
  );
}
