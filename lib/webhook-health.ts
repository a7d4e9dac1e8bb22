// A webhook's health in one place: the counters every recorded attempt moves, the state the API
// and the UI show, the disable policy and the disabling it leads to (with its notice and e-mail),
// enabling again, and the statistics of the health card.
import { randomUUID } from "node:crypto";
import type { PoolClient } from "pg";
import { translatorFor } from "../i18n/translator";
import { db, pool, sqlTransaction } from "./db";
import { defaultDisablePolicy, MAX_ATTEMPTS } from "./delivery-engine/config";
import { type DisablePolicy, disableReason, shouldDisable } from "./delivery-engine/decide";
import { skipWaitingDeliveries } from "./delivery-engine/lanes";
import type { Webhook } from "./generated/prisma/client";
import { logger } from "./logger";
import { queueEmails, sendQueuedEmails } from "./notify/email-outbox";
import { disablePolicySchema } from "./validations/webhook";

export type HealthState = "NO_DATA" | "HEALTHY" | "DEGRADED" | "UNHEALTHY" | "DISABLED";

type StateRow = Pick<Webhook, "enabled" | "status" | "lastSuccessAt" | "lastFailureAt">;

/**
 * NO_DATA until the first delivery ends; DISABLED when its creator turned it off, UNHEALTHY when
 * failures did; DEGRADED while attempts fail; HEALTHY after a success.
 */
export function healthState(w: StateRow): HealthState {
  if (!w.enabled) return w.status === "UNHEALTHY" ? "UNHEALTHY" : "DISABLED";
  if (!w.lastSuccessAt && !w.lastFailureAt) return "NO_DATA";
  return w.status === "UNHEALTHY" ? "DEGRADED" : w.status;
}

/** The webhook's own policy, or the default (Blue's rule). */
export function disablePolicyOf(w: { disablePolicy: unknown }): DisablePolicy {
  const parsed = disablePolicySchema.nullable().safeParse(w.disablePolicy ?? null);
  return (parsed.success && parsed.data) || defaultDisablePolicy();
}

/**
 * Move the counters of each webhook after its attempts (event deliveries only: tests and health
 * checks never count), one statement for all, locking rows in id order so that concurrent
 * recorders queue instead of deadlocking. A healthy webhook's "last success" moves at most once
 * a second: under load that spares a row version per delivery, and nothing else changes.
 */
export async function updateHealthCounters(client: PoolClient, results: { webhookId: string; ok: boolean }[]) {
  const latest = new Map(results.map((r) => [r.webhookId, r.ok]));
  if (latest.size === 0) return;
  const ids = [...latest.keys()].sort();
  await client.query(
    `WITH v AS (SELECT * FROM unnest($1::text[], $2::bool[]) AS v(id, ok)),
          locked AS (
            SELECT w.id FROM webhooks w JOIN v ON v.id = w.id
             WHERE NOT (v.ok AND w.consecutive_failures = 0 AND w.exhausted_deliveries = 0 AND w.status = 'HEALTHY'
                        AND w.enabled
                        AND COALESCE(w.last_success_at > (now() AT TIME ZONE 'UTC') - interval '1 second', false))
             ORDER BY w.id FOR NO KEY UPDATE OF w)
     UPDATE webhooks w
        SET consecutive_failures = CASE WHEN v.ok THEN 0 ELSE w.consecutive_failures + 1 END,
            exhausted_deliveries = CASE WHEN v.ok THEN 0 ELSE w.exhausted_deliveries END,
            last_success_at = CASE WHEN v.ok THEN now() AT TIME ZONE 'UTC' ELSE w.last_success_at END,
            last_failure_at = CASE WHEN v.ok THEN w.last_failure_at ELSE now() AT TIME ZONE 'UTC' END,
            status = CASE WHEN v.ok AND w.enabled THEN 'HEALTHY'::"WebhookStatus"
                          WHEN NOT v.ok AND w.status = 'HEALTHY' THEN 'DEGRADED'::"WebhookStatus"
                          ELSE w.status END,
            updated_at = now() AT TIME ZONE 'UTC'
       FROM v, locked
      WHERE w.id = v.id AND locked.id = v.id`,
    [ids, ids.map((id) => latest.get(id)!)],
  );
}

/** Failure-rate policies' windows: each webhook's event deliveries that ended in it, and how many failed. */
export async function failureWindows(
  client: PoolClient,
  windows: { webhookId: string; windowMinutes: number }[],
): Promise<Map<string, { windowEnded: number; windowFailed: number }>> {
  const result = new Map(windows.map((w) => [w.webhookId, { windowEnded: 0, windowFailed: 0 }]));
  if (windows.length === 0) return result;
  const { rows } = await client.query<{ id: string; ended: number; failed: number }>(
    `SELECT v.id, count(d.id)::int AS ended, count(d.id) FILTER (WHERE d.status = 'FAILED')::int AS failed
       FROM unnest($1::text[], $2::int[]) AS v(id, minutes)
       JOIN deliveries d ON d.webhook_id = v.id AND d.kind = 'event' AND d.status IN ('DELIVERED', 'FAILED')
        AND d.completed_at > (now() AT TIME ZONE 'UTC') - make_interval(mins => v.minutes)
      GROUP BY v.id`,
    [windows.map((w) => w.webhookId), windows.map((w) => w.windowMinutes)],
  );
  for (const r of rows) result.set(r.id, { windowEnded: r.ended, windowFailed: r.failed });
  return result;
}

export type Exhaustion = { webhookId: string; eventType: string; attempts: number; lastError: string | null };

/**
 * Deliveries that used up their chain, in the transaction that recorded the last attempt: each
 * counts once (the attempt row is recorded once), and the policy may disable the webhook right
 * there, so no crash can come between the failure and its consequence. However many webhooks a
 * batch of attempts exhausts (a hundred dead receivers reaching their fifth attempt together),
 * it costs a fixed number of statements. Returns the e-mails queued and the webhooks disabled.
 */
export async function recordExhaustions(
  client: PoolClient,
  items: Exhaustion[],
): Promise<{ emails: string[]; disabled: string[] }> {
  if (items.length === 0) return { emails: [], disabled: [] };
  const byWebhook = new Map<string, Exhaustion[]>();
  for (const item of items) byWebhook.set(item.webhookId, [...(byWebhook.get(item.webhookId) ?? []), item]);
  const ids = [...byWebhook.keys()].sort();
  const { rows } = await client.query<{ id: string; streak: number; policy: unknown }>(
    `WITH locked AS (SELECT id FROM webhooks WHERE id = ANY($1::text[]) AND enabled ORDER BY id FOR NO KEY UPDATE)
     UPDATE webhooks w SET exhausted_deliveries = w.exhausted_deliveries + v.n
       FROM unnest($1::text[], $2::int[]) AS v(id, n), locked
      WHERE w.id = v.id AND locked.id = v.id
     RETURNING w.id, w.exhausted_deliveries AS streak, w.disable_policy AS policy`,
    [ids, ids.map((id) => byWebhook.get(id)!.length)],
  );
  const policies = new Map(rows.map((r) => [r.id, disablePolicyOf({ disablePolicy: r.policy })]));
  const windows = await failureWindows(
    client,
    [...policies].flatMap(([webhookId, p]) =>
      p.type === "failure_rate" ? [{ webhookId, windowMinutes: p.windowMinutes }] : [],
    ),
  );
  const requests: DisableRequest[] = [];
  for (const row of rows) {
    const policy = policies.get(row.id)!;
    const own = byWebhook.get(row.id)!;
    // Counted one by one, the streak crosses the policy's count at this delivery of the batch:
    // it names the reason (a failure-rate window holds the whole batch: the last one names it).
    const before = row.streak - own.length;
    const crossing = policy.type === "exhausted" ? own[Math.max(0, policy.count - before - 1)] : undefined;
    const item = crossing ?? own[own.length - 1];
    if (shouldDisable(policy, { streak: row.streak, ...windows.get(row.id) })) {
      requests.push({
        webhookId: row.id,
        reason: disableReason(policy, item.eventType, item.attempts, item.lastError),
      });
    }
  }
  return disableInTransaction(client, requests, "failures");
}

export type DisableRequest = { webhookId: string; reason: string };

/**
 * The one way webhooks are disabled. By their creator: just off. By failures (policy or 410 Gone):
 * marked unhealthy, with an in-app notice and an e-mail queued in the same transaction.
 * The deliveries waiting for them (queued, due, or retries held by a process) are kept as skipped
 * (for replay) in the same transaction, so disabling costs their lanes no run. A fixed number of
 * statements for any number of webhooks, locked in id order (as the health counters lock them).
 * Returns the webhooks that were enabled until now, and the e-mails queued, to send after the commit.
 */
export async function disableInTransaction(
  client: PoolClient,
  requests: DisableRequest[],
  by: "creator" | "failures",
): Promise<{ disabled: string[]; emails: string[] }> {
  const reasons = new Map<string, string>();
  for (const r of requests) if (!reasons.has(r.webhookId)) reasons.set(r.webhookId, r.reason);
  if (reasons.size === 0) return { disabled: [], emails: [] };
  const ids = [...reasons.keys()].sort();
  const { rows } = await client.query<{
    id: string;
    name: string;
    url: string;
    reason: string;
    userId: string;
    email: string;
    userName: string;
    locale: string | null;
  }>(
    `WITH locked AS (SELECT id FROM webhooks WHERE id = ANY($1::text[]) AND enabled ORDER BY id FOR NO KEY UPDATE)
     UPDATE webhooks w
        SET enabled = false, disabled_at = now() AT TIME ZONE 'UTC', disabled_reason = v.reason,
            status = CASE WHEN $3 = 'failures' THEN 'UNHEALTHY'::"WebhookStatus" ELSE w.status END,
            updated_at = now() AT TIME ZONE 'UTC'
       FROM unnest($1::text[], $2::text[]) AS v(id, reason), locked, users u
      WHERE w.id = v.id AND locked.id = v.id AND u.id = w.created_by_id
      RETURNING w.id, w.name, w.url, v.reason, w.created_by_id AS "userId", u.email, u.name AS "userName", u.locale`,
    [ids, ids.map((id) => reasons.get(id)!), by],
  );
  if (rows.length === 0) return { disabled: [], emails: [] };
  const disabled = rows.map((w) => w.id);
  await skipWaitingDeliveries(client, disabled, Date.now());
  if (by === "creator") return { disabled, emails: [] };
  for (const w of rows) logger.warn({ webhookId: w.id, reason: w.reason }, "webhook disabled");
  await client.query(
    `INSERT INTO notices (id, user_id, webhook_id, kind, title, body, params, created_at)
     SELECT v.id, v.user_id, v.webhook_id, 'webhook_disabled', v.title, v.body, v.params::jsonb, now() AT TIME ZONE 'UTC'
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[])
         AS v(id, user_id, webhook_id, title, body, params)`,
    [
      rows.map(() => randomUUID()),
      rows.map((w) => w.userId),
      disabled,
      rows.map((w) => `Webhook “${w.name}” was disabled`),
      rows.map(
        (w) =>
          `${w.reason}. Fix the receiver at ${w.url}, then enable the webhook again: we first send a WEBHOOK_HEALTH_CHECK, and missed events can be replayed.`,
      ),
      rows.map((w) => JSON.stringify({ name: w.name, url: w.url, reason: w.reason })),
    ],
  );
  const emails = await queueEmails(
    client,
    rows.map((w) => {
      const t = translatorFor(w.locale, "emails.webhookDisabled");
      return {
        to: w.email,
        subject: t("subject", { name: w.name }),
        text: t("text", { userName: w.userName, url: w.url, reason: w.reason }),
      };
    }),
  );
  return { disabled, emails };
}

/** Disable now, in a transaction of its own; e-mails go out after the commit. */
export async function disableWebhookNow(webhookId: string, reason: string, by: "creator" | "failures") {
  const { emails } = await sqlTransaction((client) => disableInTransaction(client, [{ webhookId, reason }], by));
  if (emails.length > 0) await sendQueuedEmails(emails);
}

/** Deliveries on again, counters reset (the caller has checked the receiver first). */
export async function markEnabled(webhookId: string) {
  await pool().query(
    `UPDATE webhooks SET enabled = true, status = 'HEALTHY', consecutive_failures = 0, exhausted_deliveries = 0,
            disabled_at = NULL, disabled_reason = NULL, warned_at = NULL, updated_at = now() AT TIME ZONE 'UTC'
      WHERE id = $1`,
    [webhookId],
  );
}

type StatsRow = StateRow &
  Pick<Webhook, "id" | "consecutiveFailures" | "exhaustedDeliveries" | "disabledReason" | "disablePolicy">;

/** The health card: state, 24 h success rate and latency, and how far the webhook is from disabling. */
export async function webhookHealth(w: StatsRow, now = new Date()) {
  const since = new Date(now.getTime() - 24 * 3_600_000);
  const [stats] = await db().$queryRaw<
    { total: number; ok: number; p50: number | null; p95: number | null; p99: number | null }[]
  >`SELECT count(*)::int AS total, count(*) FILTER (WHERE a.ok)::int AS ok,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY a.latency_ms) AS p50,
           percentile_cont(0.95) WITHIN GROUP (ORDER BY a.latency_ms) AS p95,
           percentile_cont(0.99) WITHIN GROUP (ORDER BY a.latency_ms) AS p99
      FROM delivery_attempts a
     WHERE a.webhook_id = ${w.id} AND a.started_at > ${since} AND a.trigger NOT IN ('test', 'health_check')`;
  const worst = await db().delivery.aggregate({
    where: { webhookId: w.id, status: "RETRYING", kind: "event" },
    _max: { attemptCount: true },
  });
  const policy = disablePolicyOf(w);
  const inWorstChain =
    MAX_ATTEMPTS - ((worst._max.attemptCount ?? 0) % MAX_ATTEMPTS || (worst._max.attemptCount ? MAX_ATTEMPTS : 0));
  const chainsLeft = policy.type === "exhausted" ? Math.max(policy.count - w.exhaustedDeliveries - 1, 0) : null;
  const round = (v: number | null) => (v === null ? null : Math.round(v));
  return {
    state: healthState(w),
    successRate24h: stats.total ? stats.ok / stats.total : null,
    attempts24h: stats.total,
    latencyMs: { p50: round(stats.p50), p95: round(stats.p95), p99: round(stats.p99) },
    lastSuccessAt: w.lastSuccessAt?.toISOString() ?? null,
    lastFailureAt: w.lastFailureAt?.toISOString() ?? null,
    consecutiveFailures: w.consecutiveFailures,
    failuresUntilDisabled: w.enabled && chainsLeft !== null ? chainsLeft * MAX_ATTEMPTS + inWorstChain : null,
    disablePolicy: policy,
    disabledReason: w.disabledReason,
  };
}
