// A webhook's health as the settings page and GET /webhooks/{id}/health show it.
import { db } from "../db";
import { disableAfterExhausted, MAX_ATTEMPTS } from "../delivery/config";
import type { Webhook } from "../generated/prisma/client";

type Row = Pick<
  Webhook,
  | "id"
  | "enabled"
  | "status"
  | "consecutiveFailures"
  | "lastSuccessAt"
  | "lastFailureAt"
  | "exhaustedDeliveries"
  | "disabledReason"
>;

export type HealthState = "HEALTHY" | "DEGRADED" | "UNHEALTHY" | "DISABLED";

export function healthState(w: Pick<Webhook, "enabled" | "status">): HealthState {
  if (!w.enabled) return w.status === "UNHEALTHY" ? "UNHEALTHY" : "DISABLED";
  return w.status === "UNHEALTHY" ? "DEGRADED" : w.status;
}

export async function webhookHealth(w: Row, now = new Date()) {
  const since = new Date(now.getTime() - 24 * 3_600_000);
  const [stats] = await db().$queryRaw<
    { total: number; ok: number; p50: number | null; p95: number | null; p99: number | null }[]
  >`SELECT count(*)::int AS total, count(*) FILTER (WHERE ok)::int AS ok,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY latency_ms) AS p50,
           percentile_cont(0.95) WITHIN GROUP (ORDER BY latency_ms) AS p95,
           percentile_cont(0.99) WITHIN GROUP (ORDER BY latency_ms) AS p99
      FROM delivery_attempts WHERE webhook_id = ${w.id} AND started_at > ${since}`;
  const worst = await db().delivery.aggregate({
    where: { webhookId: w.id, status: "RETRYING", kind: "event" },
    _max: { attemptCount: true },
  });
  const inWorstChain =
    MAX_ATTEMPTS - ((worst._max.attemptCount ?? 0) % MAX_ATTEMPTS || (worst._max.attemptCount ? MAX_ATTEMPTS : 0));
  const chainsLeft = Math.max(disableAfterExhausted() - w.exhaustedDeliveries - 1, 0);
  const round = (v: number | null) => (v === null ? null : Math.round(v));
  return {
    state: healthState(w),
    successRate24h: stats.total ? stats.ok / stats.total : null,
    attempts24h: stats.total,
    latencyMs: { p50: round(stats.p50), p95: round(stats.p95), p99: round(stats.p99) },
    lastSuccessAt: w.lastSuccessAt?.toISOString() ?? null,
    lastFailureAt: w.lastFailureAt?.toISOString() ?? null,
    consecutiveFailures: w.consecutiveFailures,
    failuresUntilDisabled: w.enabled ? chainsLeft * MAX_ATTEMPTS + inWorstChain : null,
    disabledReason: w.disabledReason,
  };
}
