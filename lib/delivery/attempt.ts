// Make one attempt of a delivery and record it: the same code for first attempts in the fan-out
// (batched), retries, manual redeliveries, tests and health checks.
import { randomUUID } from "node:crypto";
import type { PoolClient } from "pg";
import { sqlTransaction } from "../db";
import { logger } from "../logger";
import { deliveryTimeoutMs, MAX_ATTEMPTS, maxRetryAfterMs, USER_AGENT } from "./config";
import { delayBefore } from "./retry-delay";
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

/** A delivery first written together with its first attempt (the fan-out's). */
export type NewDelivery = {
  id: string;
  webhookId: string;
  eventId: string;
  eventType: string;
  projectId: string;
  todoId: string | null;
  todoTitle: string | null;
  messageId: string;
  body: string;
  /** PENDING when an attempt is made now (the row gets that attempt's outcome), else SKIPPED. */
  status: "PENDING" | "SKIPPED";
};

type State = {
  status: string;
  n: number;
  at: string | null;
  code: number | null;
  ms: number | null;
  err: string | null;
  completed: string | null;
  next: string | null;
};

/** A delivery's columns after an attempt. */
function stateAfter(record: AttemptRecord, step: ReturnType<typeof nextStep>, lastAttempt: number): State {
  const at = record.startedAt.toISOString();
  const due = step.retry ? Date.now() + delayBefore(record.number + 1, lastAttempt, step.retryAfterMs ?? null) : null;
  return {
    status: step.status,
    n: record.number,
    at,
    code: record.outcome.statusCode,
    ms: record.outcome.latencyMs,
    err: record.outcome.errorMessage,
    completed: step.status === "DELIVERED" || step.status === "FAILED" ? at : null,
    next: due === null ? null : new Date(due).toISOString(),
  };
}

const column = <K extends keyof State>(states: State[], key: K) => states.map((s) => s[key]);

/**
 * Record attempts in one transaction: new deliveries already in their post-attempt state (one
 * insert), the attempt rows (one insert), the new state of deliveries that existed before (one
 * update), and each webhook's health counters (one update). A 410 Gone disables its webhook at
 * once. Returns each attempt's next step. Plain SQL with array parameters: the cost per statement stays flat however many
 * attempts a fan-out records, and a fan-out writes each delivery row once.
 */
export async function recordAttempts(
  records: AttemptRecord[],
  opts: {
    lastAttempt?: number;
    newDeliveries?: NewDelivery[];
    /** More writes for the same transaction, made first (the fan-out's trace). */
    alsoWrite?: (client: PoolClient) => Promise<unknown>;
  } = {},
) {
  const lastAttempt = opts.lastAttempt ?? MAX_ATTEMPTS;
  const steps = records.map((r) => nextStep(r, lastAttempt));
  const states = new Map(records.map((r, i) => [r.delivery.id, stateAfter(r, steps[i], lastAttempt)]));
  await sqlTransaction(async (client) => {
    await opts.alsoWrite?.(client);
    const inserted = new Set<string>();
    const fresh = opts.newDeliveries ?? [];
    if (fresh.length > 0) {
      const initial = fresh.map(
        (d): State =>
          states.get(d.id) ?? {
            status: d.status,
            n: 0,
            at: null,
            code: null,
            ms: null,
            err: null,
            completed: null,
            next: null,
          },
      );
      const { rows } = await client.query<{ id: string }>(
        `INSERT INTO deliveries (id, webhook_id, event_id, event_type, project_id, todo_id, todo_title, message_id, body,
                                 status, attempt_count, last_attempt_at, last_status_code, last_latency_ms, last_error,
                                 completed_at, next_attempt_at, created_at, updated_at)
         SELECT v.id, v.webhook_id, v.event_id, v.event_type, v.project_id, v.todo_id, v.todo_title, v.message_id,
                v.body, v.status::"DeliveryStatus", v.n, v.at AT TIME ZONE 'UTC', v.code, v.ms, v.err,
                v.completed AT TIME ZONE 'UTC', v.next AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC',
                now() AT TIME ZONE 'UTC'
           FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
                       $9::text[], $10::text[], $11::int[], $12::timestamptz[], $13::int[], $14::int[], $15::text[],
                       $16::timestamptz[], $17::timestamptz[])
             AS v(id, webhook_id, event_id, event_type, project_id, todo_id, todo_title, message_id, body, status, n,
                  at, code, ms, err, completed, next)
         ON CONFLICT DO NOTHING
         RETURNING id`,
        [
          fresh.map((d) => d.id),
          fresh.map((d) => d.webhookId),
          fresh.map((d) => d.eventId),
          fresh.map((d) => d.eventType),
          fresh.map((d) => d.projectId),
          fresh.map((d) => d.todoId),
          fresh.map((d) => d.todoTitle),
          fresh.map((d) => d.messageId),
          fresh.map((d) => d.body),
          column(initial, "status"),
          column(initial, "n"),
          column(initial, "at"),
          column(initial, "code"),
          column(initial, "ms"),
          column(initial, "err"),
          column(initial, "completed"),
          column(initial, "next"),
        ],
      );
      for (const row of rows) inserted.add(row.id);
    }
    if (records.length === 0) return;
    await client.query(
      `INSERT INTO delivery_attempts (id, delivery_id, webhook_id, number, trigger, started_at, ok, latency_ms,
              request_headers, response_status, response_headers, response_body, error_class, error_message)
       SELECT v.id, v.delivery_id, v.webhook_id, v.number, v.trigger, v.started_at AT TIME ZONE 'UTC', v.ok,
              v.latency_ms, v.request_headers::jsonb, v.response_status, v.response_headers::jsonb, v.response_body,
              v.error_class, v.error_message
         FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::text[], $6::timestamptz[], $7::bool[],
                     $8::int[], $9::text[], $10::int[], $11::text[], $12::text[], $13::text[], $14::text[])
           AS v(id, delivery_id, webhook_id, number, trigger, started_at, ok, latency_ms, request_headers,
                response_status, response_headers, response_body, error_class, error_message)`,
      [
        records.map(() => randomUUID()),
        records.map((r) => r.delivery.id),
        records.map((r) => r.delivery.webhookId),
        records.map((r) => r.number),
        records.map((r) => r.trigger),
        records.map((r) => r.startedAt.toISOString()),
        records.map((r) => r.outcome.ok),
        records.map((r) => r.outcome.latencyMs),
        records.map((r) => JSON.stringify(storedHeaders(r.headers))),
        records.map((r) => r.outcome.statusCode),
        records.map((r) => (r.outcome.responseHeaders ? JSON.stringify(r.outcome.responseHeaders) : null)),
        records.map((r) => r.outcome.responseBody),
        records.map((r) => r.outcome.errorClass),
        records.map((r) => r.outcome.errorMessage),
      ],
    );
    const existing = records.filter((r) => !inserted.has(r.delivery.id));
    if (existing.length > 0) {
      const changed = existing.map((r) => states.get(r.delivery.id)!);
      await client.query(
        `UPDATE deliveries d
            SET status = v.status::"DeliveryStatus", attempt_count = GREATEST(d.attempt_count, v.n),
                last_attempt_at = v.at AT TIME ZONE 'UTC', last_status_code = v.code, last_latency_ms = v.ms,
                last_error = v.err, completed_at = v.completed AT TIME ZONE 'UTC',
                next_attempt_at = v.next AT TIME ZONE 'UTC', updated_at = now() AT TIME ZONE 'UTC'
           FROM unnest($1::text[], $2::text[], $3::int[], $4::timestamptz[], $5::int[], $6::int[], $7::text[],
                       $8::timestamptz[], $9::timestamptz[]) AS v(id, status, n, at, code, ms, err, completed, next)
          WHERE d.id = v.id`,
        [
          existing.map((r) => r.delivery.id),
          column(changed, "status"),
          column(changed, "n"),
          column(changed, "at"),
          column(changed, "code"),
          column(changed, "ms"),
          column(changed, "err"),
          column(changed, "completed"),
          column(changed, "next"),
        ],
      );
    }
    // One statement for every webhook's health counters, locking the rows in id order first:
    // concurrent fan-outs touching the same webhooks then queue instead of deadlocking. NO KEY
    // UPDATE is the lock an UPDATE of these columns takes anyway, and it does not conflict with
    // the key-share locks that inserting deliveries (foreign key to webhooks) takes. A healthy
    // webhook's "last success" moves at most once a second: under load that spares a row
    // version per delivery, and nothing else changes.
    const latest = new Map(records.map((r) => [r.delivery.webhookId, r.outcome.ok]));
    const ids = [...latest.keys()].sort();
    await client.query(
      `WITH v AS (SELECT * FROM unnest($1::text[], $2::bool[]) AS v(id, ok)),
            locked AS (
              SELECT w.id FROM webhooks w JOIN v ON v.id = w.id
               WHERE NOT (v.ok AND w.consecutive_failures = 0 AND w.status = 'HEALTHY' AND w.enabled
                          AND w.last_success_at > (now() AT TIME ZONE 'UTC') - interval '1 second')
               ORDER BY w.id FOR NO KEY UPDATE OF w)
       UPDATE webhooks w
          SET consecutive_failures = CASE WHEN v.ok THEN 0 ELSE w.consecutive_failures + 1 END,
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
  });
  for (const [i, r] of records.entries()) {
    if ("gone" in steps[i] && steps[i].gone) {
      await disableWebhook(r.delivery.webhookId, `The receiver answered 410 Gone to ${r.delivery.eventType}`);
    }
  }
  logger.debug({ attempts: records.length }, "delivery attempts recorded");
  return steps;
}
