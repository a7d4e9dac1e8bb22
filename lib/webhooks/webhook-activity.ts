// Attempts per hour by outcome, with median latency, for a webhook's chart (24 h or 7 d).
import { db } from "../db";
import { ownWebhook } from "./webhook-access";

export const ACTIVITY_RANGES = { "24h": 24, "7d": 168 } as const;
export type ActivityRange = keyof typeof ACTIVITY_RANGES;

export async function webhookActivity(userId: string, id: string, range: ActivityRange, now = new Date()) {
  const webhook = await db().$transaction((tx) => ownWebhook(tx, userId, id));
  const hours = ACTIVITY_RANGES[range];
  const end = new Date(Math.floor(now.getTime() / 3_600_000) * 3_600_000);
  const start = new Date(end.getTime() - (hours - 1) * 3_600_000);
  const rows = await db().$queryRaw<{ hour: Date; ok: number; failed: number; p50: number | null }[]>`
    SELECT date_trunc('hour', started_at) AS hour,
           count(*) FILTER (WHERE ok)::int AS ok, count(*) FILTER (WHERE NOT ok)::int AS failed,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY latency_ms) AS p50
      FROM delivery_attempts
     WHERE webhook_id = ${webhook.id} AND started_at >= ${start}
     GROUP BY 1 ORDER BY 1`;
  const byHour = new Map(rows.map((r) => [r.hour.getTime(), r]));
  return {
    range,
    buckets: Array.from({ length: hours }, (_, i) => {
      const hour = new Date(start.getTime() + i * 3_600_000);
      const r = byHour.get(hour.getTime());
      return {
        hour: hour.toISOString(),
        ok: r?.ok ?? 0,
        failed: r?.failed ?? 0,
        p50LatencyMs: r?.p50 === null || !r ? null : Math.round(r.p50),
      };
    }),
  };
}
