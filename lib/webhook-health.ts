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
import { queueEmail, sendQueuedEmails } from "./notify/email-outbox";
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

/** A failure-rate policy's window: the webhook's event deliveries that ended in it, and how many failed. */
export async function failureWindow(
  client: PoolClient,
  webhookId: string,
  policy: { windowMinutes: number },
): Promise<{ windowEnded: number; windowFailed: number }> {
  const { rows } = await client.query<{ ended: number; failed: number }>(
    `SELECT count(*)::int AS ended, count(*) FILTER (WHERE status = 'FAILED')::int AS failed
       FROM deliveries
      WHERE webhook_id = $1 AND kind = 'event' AND status IN ('DELIVERED', 'FAILED')
        AND completed_at > (now() AT TIME ZONE 'UTC') - make_interval(mins => $2)`,
    [webhookId, policy.windowMinutes],
  );
  return { windowEnded: rows[0].ended, windowFailed: rows[0].failed };
}

export type Exhaustion = { webhookId: string; eventType: string; attempts: number; lastError: string | null };

/**
 * Deliveries that used up their chain, in the transaction that recorded the last attempt: each
 * counts once (the attempt row is recorded once), and the policy may disable the webhook right
 * there, so no crash can come between the failure and its consequence. Returns the e-mails queued.
 */
export async function recordExhaustions(
  client: PoolClient,
  items: Exhaustion[],
): Promise<{ emails: string[]; disabled: string[] }> {
  const emails: string[] = [];
  const disabled: string[] = [];
  for (const item of items) {
    const { rows } = await client.query<{ streak: number; policy: unknown }>(
      `UPDATE webhooks SET exhausted_deliveries = exhausted_deliveries + 1
        WHERE id = $1 AND enabled RETURNING exhausted_deliveries AS streak, disable_policy AS policy`,
      [item.webhookId],
    );
    if (rows.length === 0) continue;
    const policy = disablePolicyOf({ disablePolicy: rows[0].policy });
    const window = policy.type === "failure_rate" ? await failureWindow(client, item.webhookId, policy) : {};
    if (shouldDisable(policy, { streak: rows[0].streak, ...window })) {
      const reason = disableReason(policy, item.eventType, item.attempts, item.lastError);
      const done = await disableInTransaction(client, item.webhookId, reason, "failures");
      emails.push(...done.emails);
      if (done.disabled) disabled.push(item.webhookId);
    }
  }
  return { emails, disabled };
}

/**
 * The one way a webhook is disabled. By its creator: just off. By failures (policy or 410 Gone):
 * marked unhealthy, with an in-app notice and an e-mail queued in the same transaction.
 * The deliveries waiting for it (queued, due, or retries held by a process) are kept as skipped
 * (for replay) in the same transaction, so disabling costs its lane no run. Returns whether it
 * was enabled until now, and the e-mails queued, to send after the commit.
 */
export async function disableInTransaction(
  client: PoolClient,
  webhookId: string,
  reason: string,
  by: "creator" | "failures",
): Promise<{ disabled: boolean; emails: string[] }> {
  const { rows } = await client.query<{
    name: string;
    url: string;
    userId: string;
    email: string;
    userName: string;
    locale: string | null;
  }>(
    `UPDATE webhooks w
        SET enabled = false, disabled_at = now() AT TIME ZONE 'UTC', disabled_reason = $2,
            status = CASE WHEN $3 = 'failures' THEN 'UNHEALTHY'::"WebhookStatus" ELSE w.status END,
            updated_at = now() AT TIME ZONE 'UTC'
       FROM users u
      WHERE w.id = $1 AND w.enabled AND u.id = w.created_by_id
      RETURNING w.name, w.url, w.created_by_id AS "userId", u.email, u.name AS "userName", u.locale`,
    [webhookId, reason, by],
  );
  if (rows.length === 0) return { disabled: false, emails: [] };
  await skipWaitingDeliveries(client, webhookId, Date.now());
  if (by === "creator") return { disabled: true, emails: [] };
  const w = rows[0];
  logger.warn({ webhookId, reason }, "webhook disabled");
  await client.query(
    `INSERT INTO notices (id, user_id, webhook_id, kind, title, body, params, created_at)
     VALUES ($1, $2, $3, 'webhook_disabled', $4, $5, $6, now() AT TIME ZONE 'UTC')`,
    [
      randomUUID(),
      w.userId,
      webhookId,
      `Webhook “${w.name}” was disabled`,
      `${reason}. Fix the receiver at ${w.url}, then enable the webhook again: we first send a WEBHOOK_HEALTH_CHECK, and missed events can be replayed.`,
      JSON.stringify({ name: w.name, url: w.url, reason }),
    ],
  );
  const t = translatorFor(w.locale, "emails.webhookDisabled");
  const email = await queueEmail(client, {
    to: w.email,
    subject: t("subject", { name: w.name }),
    text: t("text", { userName: w.userName, url: w.url, reason }),
  });
  return { disabled: true, emails: [email] };
}

/** Disable now, in a transaction of its own; e-mails go out after the commit. */
export async function disableWebhookNow(webhookId: string, reason: string, by: "creator" | "failures") {
  const { emails } = await sqlTransaction((client) => disableInTransaction(client, webhookId, reason, by));
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
