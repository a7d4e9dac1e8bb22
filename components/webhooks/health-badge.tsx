"use client";

import { useTranslations } from "next-intl";
import { StatusPill, type StatusTone } from "../ui/status-pill";

const TONES = {
  NO_DATA: "neutral",
  HEALTHY: "success",
  DEGRADED: "warning",
  UNHEALTHY: "danger",
  DISABLED: "muted",
} as const satisfies Record<string, StatusTone>;

/** The state the API computed (webhook.state); the badge does not derive it again. */
export function HealthBadge({ state }: { state: keyof typeof TONES }) {
  const t = useTranslations("webhooks.health");
  return (
    <StatusPill tone={TONES[state]} data-testid="health-badge">
      {t(state)}
    </StatusPill>
  );
}
