"use client";

import { useTranslations } from "next-intl";

const STYLES = {
  HEALTHY: "bg-emerald-100 text-emerald-800",
  DEGRADED: "bg-amber-100 text-amber-900",
  UNHEALTHY: "bg-red-100 text-red-800",
  DISABLED: "bg-slate-200 text-slate-700",
} as const;

export function HealthBadge({ status, enabled }: { status: "HEALTHY" | "DEGRADED" | "UNHEALTHY"; enabled: boolean }) {
  const t = useTranslations("webhooks.health");
  const shown = !enabled && status === "HEALTHY" ? "DISABLED" : status;
  return (
    <span data-testid="health-badge" className={`rounded-full px-2 py-0.5 text-xs font-medium ${STYLES[shown]}`}>
      {t(shown)}
    </span>
  );
}
