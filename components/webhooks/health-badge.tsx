"use client";

import { useTranslations } from "next-intl";

const STYLES = {
  NO_DATA: "bg-slate-100 text-slate-700",
  HEALTHY: "bg-emerald-100 text-emerald-800",
  DEGRADED: "bg-amber-100 text-amber-900",
  UNHEALTHY: "bg-red-100 text-red-800",
  DISABLED: "bg-slate-200 text-slate-700",
} as const;

/** The state the API computed (webhook.state); the badge does not derive it again. */
export function HealthBadge({ state }: { state: keyof typeof STYLES }) {
  const t = useTranslations("webhooks.health");
  const shown = state;
  return (
    <span data-testid="health-badge" className={`rounded-full px-2 py-0.5 text-xs font-medium ${STYLES[shown]}`}>
      {t(shown)}
    </span>
  );
}
