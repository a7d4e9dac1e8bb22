// Make one attempt of a delivery and record it: the same code for first attempts in the fan-out
// (batched), retries, manual redeliveries, tests and health checks.
import { db, type Tx } from "../db";
import { logger } from "../logger";
import { deliveryTimeoutMs, MAX_ATTEMPTS, maxRetryAfterMs, USER_AGENT } from "./config";
import { type AttemptOutcome, sendRequest } from "./send-request";
import { signedHeaders } from "./signature";
import { disableWebhook } from "./webhook-health";

export type AttemptTrigger = "auto" | "retry" | "manual" | "test" | "health_check";

export type DeliveryToSend = {
  id: string;
  webhookId: string;
  messageId: string;
  body: string;
  eventType: string;
  url: string;
};

export type AttemptRecord = {
  delivery: DeliveryToSend;
  number: number;
  trigger: AttemptTrigger;
  startedAt: Date;
  headers: Record<string, string>;
  outcome: AttemptOutcome;
};

export async function performAttempt(
  delivery: DeliveryToSend,
  secrets: string[],
  number: number,
  trigger: AttemptTrigger,
): Promise<AttemptRecord> {
  const startedAt = new Date();
  const headers = signedHeaders({
    secrets,
    messageId: delivery.messageId,
    timestamp: Math.floor(startedAt.getTime() / 1000),
    body: delivery.body,
    userAgent: USER_AGENT,
    eventType: delivery.eventType,
  });
  const outcome = await sendRequest({
    url: delivery.url,
    headers,
    body: delivery.body,
    timeoutMs: deliveryTimeoutMs(),
  });
  return { delivery, number, trigger, startedAt, headers: { ...headers }, outcome };
}

/** What happens next for a delivery after this attempt. */
export function nextStep(record: AttemptRecord, maxAttempts = MAX_ATTEMPTS) {
  const { outcome, number } = record;
  if (outcome.ok) return { status: "DELIVERED" as const, retry: false };
  if (outcome.statusCode === 410) return { status: "FAILED" as const, retry: false, gone: true };
  if (number >= maxAttempts) return { status: "FAILED" as const, retry: false };
  const retryAfterMs = outcome.retryAfterMs === null ? null : Math.min(outcome.retryAfterMs, maxRetryAfterMs());
  return { status: "RETRYING" as const, retry: true, retryAfterMs };
}

const REDACTED = new Set(["x-signature", "webhook-signature"]);

/** Stored request headers: signatures are shown shortened (they are derived from the secret). */
function storedHeaders(headers: Record<string, string>) {
  return Object.fromEntries(
    Object.entries(headers).map(([k, v]) => [
      k,
      REDACTED.has(k) ? v.replace(/([A-Za-z0-9+/=]{8})[A-Za-z0-9+/=]+/g, "$1…") : v,
    ]),
  );
}

/**
 * Record attempts in one transaction: the attempt rows (one insert), each delivery's new state
 * (one update), and each webhook's health counters. A 410 Gone disables its webhook at once.
 */
export async function recordAttempts(
  records: AttemptRecord[],
  lastAttempt = MAX_ATTEMPTS,
  writeFirst?: (tx: Tx) => Promise<unknown>,
) {
  const steps = records.map((r) => nextStep(r, lastAttempt));
  await db().$transaction(async (tx) => {
    await writeFirst?.(tx);
    if (records.length === 0) return;
    await tx.deliveryAttempt.createMany({
      data: records.map((r) => ({
        deliveryId: r.delivery.id,
        webhookId: r.delivery.webhookId,
        number: r.number,
        trigger: r.trigger,
        startedAt: r.startedAt,
        ok: r.outcome.ok,
        latencyMs: r.outcome.latencyMs,
        requestHeaders: storedHeaders(r.headers),
        responseStatus: r.outcome.statusCode,
        responseHeaders: r.outcome.responseHeaders ?? undefined,
        responseBody: r.outcome.responseBody,
        errorClass: r.outcome.errorClass,
        errorMessage: r.outcome.errorMessage,
      })),
    });
    await tx.$executeRaw`
      UPDATE deliveries d
         SET status = v.status::"DeliveryStatus", attempt_count = GREATEST(d.attempt_count, v.n),
             last_attempt_at = v.at, last_status_code = v.code, last_latency_ms = v.ms, last_error = v.err,
             completed_at = CASE WHEN v.status IN ('DELIVERED', 'FAILED') THEN v.at END,
             next_attempt_at = NULL, updated_at = now()
        FROM unnest(${records.map((r) => r.delivery.id)}::text[], ${steps.map((s) => s.status)}::text[],
                    ${records.map((r) => r.number)}::int[], ${records.map((r) => r.startedAt.toISOString())}::timestamptz[],
                    ${records.map((r) => r.outcome.statusCode)}::int[], ${records.map((r) => r.outcome.latencyMs)}::int[],
                    ${records.map((r) => r.outcome.errorMessage)}::text[])
             AS v(id, status, n, at, code, ms, err)
       WHERE d.id = v.id`;
    // One statement for every webhook's health counters, locking the rows in id order first:
    // concurrent fan-outs touching the same webhooks then queue instead of deadlocking. NO KEY
    // UPDATE is the lock an UPDATE of these columns takes anyway, and it does not conflict with
    // the key-share locks that inserting deliveries (foreign key to webhooks) takes.
    const latest = new Map(records.map((r) => [r.delivery.webhookId, r.outcome.ok]));
    const ids = [...latest.keys()].sort();
    await tx.$executeRaw`
      WITH v AS (SELECT * FROM unnest(${ids}::text[], ${ids.map((id) => latest.get(id)!)}::bool[]) AS v(id, ok)),
           locked AS (SELECT w.id FROM webhooks w WHERE w.id = ANY(${ids}::text[]) ORDER BY w.id FOR NO KEY UPDATE)
      UPDATE webhooks w
         SET consecutive_failures = CASE WHEN v.ok THEN 0 ELSE w.consecutive_failures + 1 END,
             last_success_at = CASE WHEN v.ok THEN now() ELSE w.last_success_at END,
             last_failure_at = CASE WHEN v.ok THEN w.last_failure_at ELSE now() END,
             status = CASE WHEN v.ok AND w.enabled THEN 'HEALTHY'::"WebhookStatus"
                           WHEN NOT v.ok AND w.status = 'HEALTHY' THEN 'DEGRADED'::"WebhookStatus"
                           ELSE w.status END,
             updated_at = now()
        FROM v, locked
       WHERE w.id = v.id AND locked.id = v.id`;
  });
  for (const [i, r] of records.entries()) {
    if ("gone" in steps[i] && steps[i].gone) {
      await disableWebhook(r.delivery.webhookId, `The receiver answered 410 Gone to ${r.delivery.eventType}`);
    }
  }
  logger.debug({ attempts: records.length }, "delivery attempts recorded");
}
