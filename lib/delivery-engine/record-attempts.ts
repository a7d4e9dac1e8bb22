// Store attempts and everything they decide, in the caller's transaction: the attempt rows, each
// delivery's new state, the webhooks' health counters, exhaustion and the disable policy, and the
// lanes' next wake (a retry due, a Retry-After pause, a slow receiver). Plain SQL with array
// parameters, so the cost per statement stays flat however many attempts are recorded together.
//
// Idempotent: an attempt is one row per (delivery, number), and only a newly inserted row moves
// the delivery, the counters and the policy — recording the same attempt again changes nothing.
import { randomUUID } from "node:crypto";
import type { PoolClient } from "pg";
import { disableInTransaction, type Exhaustion, recordExhaustions, updateHealthCounters } from "../webhook-health";
import { warnBeforeDisabling } from "../webhooks/warn-before-disabling";
import { deliveryTimeoutMs, HOLD_HORIZON_MS, LEASE_MARGIN_MS, retryPolicy, slowAttemptMs } from "./config";
import { type Decision, decide } from "./decide";
import { changeLanes, type LaneChange, type LaneWake } from "./lanes";
import { type AttemptRecord, type AttemptTrigger, attemptEndedAt, type DeliveryToSend } from "./perform-attempt";

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
 * The columns and `SELECT` of attempt rows from array parameters $first…$first+13 (attemptValues),
 * as `v`: for recordAttempts' own INSERT, and for a caller that inserts its attempts in a
 * statement of its own (the fan-out, with its deliveries, saving a round trip).
 */
export function attemptRows(first: number): string {
  const $ = (i: number) => `$${first + i}`;
  return `(id, delivery_id, webhook_id, number, trigger, started_at, ok, latency_ms,
            request_headers, response_status, response_headers, response_body, error_class, error_message)
     SELECT v.id, v.delivery_id, v.webhook_id, v.number, v.trigger, v.started_at AT TIME ZONE 'UTC', v.ok,
            v.latency_ms, v.request_headers::jsonb, v.response_status, v.response_headers::jsonb, v.response_body,
            v.error_class, v.error_message
       FROM unnest(${$(0)}::text[], ${$(1)}::text[], ${$(2)}::text[], ${$(3)}::int[], ${$(4)}::text[],
                   ${$(5)}::timestamptz[], ${$(6)}::bool[], ${$(7)}::int[], ${$(8)}::text[], ${$(9)}::int[],
                   ${$(10)}::text[], ${$(11)}::text[], ${$(12)}::text[], ${$(13)}::text[])
         AS v(id, delivery_id, webhook_id, number, trigger, started_at, ok, latency_ms, request_headers,
              response_status, response_headers, response_body, error_class, error_message)`;
}

/** The 14 array parameters of attemptRows, one element per attempt. */
export function attemptValues(records: AttemptRecord[]): unknown[] {
  return [
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
  ];
}

/** A delivery's columns after an attempt and its decision. */
export type DeliveryState = {
  status: string;
  n: number;
  at: string;
  code: number | null;
  ms: number;
  err: string | null;
  completed: string | null;
  next: string | null;
};

export function stateAfter(record: AttemptRecord, decision: Decision): DeliveryState {
  const at = record.startedAt.toISOString();
  return {
    status: decision.status,
    n: record.number,
    at,
    code: record.outcome.statusCode,
    ms: record.outcome.latencyMs,
    err: record.outcome.errorMessage,
    completed:
      decision.status === "RETRYING"
        ? null
        : new Date(record.startedAt.getTime() + record.outcome.latencyMs).toISOString(),
    next: decision.retryAt === null ? null : new Date(decision.retryAt).toISOString(),
  };
}

const column = <K extends keyof DeliveryState>(states: DeliveryState[], key: K) => states.map((s) => s[key]);

/** A retry this process keeps: leased until `leaseUntil`, started by a timer at `at`. */
export type HeldRetry = {
  delivery: DeliveryToSend;
  number: number;
  trigger: AttemptTrigger;
  at: number;
  leaseUntil: number;
};

/** The trigger of the attempt after `record`'s: a manual or replayed chain stays one. */
const nextTrigger = (record: AttemptRecord): AttemptTrigger =>
  record.trigger === "manual" || record.trigger === "replay" ? record.trigger : "retry";

/**
 * Lease retries to this process. The deliveries (written just before, in this transaction) are
 * read by primary key first, like the held retries' state (see HELD_STATE_STATEMENT): their status
 * is checked after, so stale statistics cannot send the planner through every waiting delivery.
 */
export const HOLD_RETRIES_STATEMENT = `WITH held AS MATERIALIZED (
    SELECT id, webhook_id, status, lease_until FROM deliveries WHERE id = ANY($1::text[])
  )
  UPDATE deliveries d SET lease_until = v.lease AT TIME ZONE 'UTC'
    FROM unnest($1::text[], $2::timestamptz[]) AS v(id, lease), held h, webhooks w
   WHERE h.id = v.id AND d.id = h.id AND w.id = h.webhook_id AND w.enabled AND w.max_per_second IS NULL
     AND h.status = 'RETRYING' AND h.lease_until IS NULL
  RETURNING d.id`;

/**
 * Each delivery's state after its attempt ($1…$9, stateAfter), and the lease of a retry this process
 * keeps ($10, holdCandidate), in one row version: the lease is kept only if the delivery still
 * retries (not skipped meanwhile) and its webhook is enabled and has no rate (a lane spaces those).
 * A delivery skipped while its attempt was in flight (replay cancelled, webhook disabled) stays
 * skipped unless that attempt delivered it.
 */
export const RECORD_STATE_STATEMENT = `UPDATE deliveries d
      SET status = CASE WHEN d.status = 'SKIPPED' AND v.status <> 'DELIVERED' THEN d.status
                        ELSE v.status::"DeliveryStatus" END,
          attempt_count = GREATEST(d.attempt_count, v.n),
          last_attempt_at = v.at AT TIME ZONE 'UTC', last_status_code = v.code, last_latency_ms = v.ms,
          last_error = v.err, completed_at = v.completed AT TIME ZONE 'UTC',
          next_attempt_at = CASE WHEN d.status = 'SKIPPED' THEN NULL ELSE v.next AT TIME ZONE 'UTC' END,
          lease_until = CASE WHEN v.hold IS NOT NULL AND d.status <> 'SKIPPED' AND v.status = 'RETRYING'
                                  AND w.enabled AND w.max_per_second IS NULL
                             THEN v.hold AT TIME ZONE 'UTC' END,
          updated_at = now() AT TIME ZONE 'UTC'
     FROM unnest($1::text[], $2::text[], $3::int[], $4::timestamptz[], $5::int[], $6::int[], $7::text[],
                 $8::timestamptz[], $9::timestamptz[], $10::timestamptz[])
            AS v(id, status, n, at, code, ms, err, completed, next, hold),
          webhooks w
    WHERE d.id = v.id AND w.id = d.webhook_id
   RETURNING d.id, d.lease_until IS NOT NULL AS held`;

/**
 * The retry after `r` that this process would keep (lease) if it is due soon (HOLD_HORIZON_MS):
 * not a pause's — its lane holds it. Whether the webhook allows it (enabled, no rate: a lane
 * spaces those) is checked by the statement that leases it.
 */
function holdCandidate(r: AttemptRecord, d: Decision, now: number, timeout: number): HeldRetry | null {
  if (d.status !== "RETRYING" || d.retryAt === null || d.pauseUntil !== null || d.retryAt - now > HOLD_HORIZON_MS)
    return null;
  return {
    delivery: r.delivery,
    number: r.number + 1,
    trigger: nextTrigger(r),
    at: d.retryAt,
    leaseUntil: Math.max(d.retryAt, now) + timeout + LEASE_MARGIN_MS,
  };
}

/**
 * Lease the retries due soon of deliveries this transaction wrote in their new state already
 * (the others are leased by the statement that records their state, in the same row version).
 */
async function holdRetries(client: PoolClient, wanted: HeldRetry[]): Promise<HeldRetry[]> {
  if (wanted.length === 0) return [];
  const { rows } = await client.query<{ id: string }>(HOLD_RETRIES_STATEMENT, [
    wanted.map((h) => h.delivery.id),
    wanted.map((h) => new Date(h.leaseUntil).toISOString()),
  ]);
  const leased = new Set(rows.map((r) => r.id));
  return wanted.filter((h) => leased.has(h.delivery.id));
}

export type Recorded = {
  decisions: Decision[];
  /** Retries leased to this process: start them after the commit (holdInProcess). */
  held: HeldRetry[];
  /** Lane runs to start after the commit (sendLaneWakes). */
  wakes: LaneWake[];
  /** E-mails queued by a disable, to send after the commit (sendQueuedEmails). */
  emails: string[];
};

export async function recordAttempts(
  client: PoolClient,
  records: AttemptRecord[],
  opts: {
    now?: number;
    /** Deliveries this transaction inserted already in their post-attempt state. */
    written?: Set<string>;
    /** Attempts that were leased (a lane's, or the fan-out's past its wait): their latency also
     * says when a slow receiver is fast again. */
    fromLane?: boolean;
    /** More lane changes of the same transaction (the fan-out's queued deliveries). */
    laneChanges?: LaneChange[];
    /** The caller's own statement inserted these attempts' rows (attemptRows): all are new. */
    attemptsInserted?: boolean;
  } = {},
): Promise<Recorded> {
  const now = opts.now ?? Date.now();
  const policy = retryPolicy();
  const decisions = records.map((r) =>
    decide({ outcome: r.outcome, number: r.number, chainLast: r.delivery.chainLast }, attemptEndedAt(r), policy),
  );
  if (records.length === 0) {
    return { decisions, held: [], wakes: await changeLanes(client, opts.laneChanges ?? [], now), emails: [] };
  }
  // Only attempts of deliveries that still exist (a webhook deleted meanwhile takes its deliveries
  // with it, and its work ends quietly), and each attempt once.
  const { rows } = opts.attemptsInserted
    ? { rows: records.map((r) => ({ delivery_id: r.delivery.id, number: r.number })) }
    : await client.query<{ delivery_id: string; number: number }>(
        `INSERT INTO delivery_attempts ${attemptRows(1)} JOIN deliveries d ON d.id = v.delivery_id
         ON CONFLICT (delivery_id, number) DO NOTHING
         RETURNING delivery_id, number`,
        attemptValues(records),
      );
  const inserted = new Set(rows.map((r) => `${r.delivery_id}#${r.number}`));
  const fresh = records.flatMap((r, i) =>
    inserted.has(`${r.delivery.id}#${r.number}`) ? [{ r, d: decisions[i] }] : [],
  );
  const toUpdate = fresh.filter(({ r }) => !opts.written?.has(r.delivery.id));
  const timeout = deliveryTimeoutMs();
  const candidates = new Map<string, HeldRetry>();
  for (const { r, d } of fresh) {
    const hold = r.delivery.kind === "event" ? holdCandidate(r, d, now, timeout) : null;
    if (hold) candidates.set(r.delivery.id, hold);
  }
  let held: HeldRetry[] = [];
  if (toUpdate.length > 0) {
    // One write of each row (and its indexes) per failed attempt, not two: see the statement.
    const states = toUpdate.map(({ r, d }) => stateAfter(r, d));
    const { rows: leased } = await client.query<{ id: string; held: boolean }>(RECORD_STATE_STATEMENT, [
      toUpdate.map(({ r }) => r.delivery.id),
      column(states, "status"),
      column(states, "n"),
      column(states, "at"),
      column(states, "code"),
      column(states, "ms"),
      column(states, "err"),
      column(states, "completed"),
      column(states, "next"),
      toUpdate.map(({ r }) => {
        const hold = candidates.get(r.delivery.id);
        return hold ? new Date(hold.leaseUntil).toISOString() : null;
      }),
    ]);
    held = leased.flatMap((row) => {
      const hold = row.held ? candidates.get(row.id) : undefined;
      return hold ? [hold] : [];
    });
  }
  // Tests and health checks end here: they never move a webhook's health or its lane.
  const events = fresh.filter(({ r }) => r.delivery.kind === "event");
  await updateHealthCounters(
    client,
    events.map(({ r }) => ({ webhookId: r.delivery.webhookId, ok: r.outcome.ok })),
  );
  const emails: string[] = [];
  // Every lane change of this transaction is applied at the end, in one ordered pass.
  const lanes: LaneChange[] = [...(opts.laneChanges ?? [])];
  // Webhooks disabled here: their waiting deliveries are skipped already, no retry wakes a lane.
  const disabled = new Set<string>();
  const gone = await disableInTransaction(
    client,
    events
      .filter(({ d }) => d.gone)
      .map(({ r }) => ({
        webhookId: r.delivery.webhookId,
        reason: `The receiver answered 410 Gone to ${r.delivery.eventType}`,
      })),
    "failures",
  );
  emails.push(...gone.emails);
  for (const id of gone.disabled) disabled.add(id);
  const exhausted: Exhaustion[] = events
    .filter(({ d }) => d.exhausted)
    .map(({ r }) => ({
      webhookId: r.delivery.webhookId,
      eventType: r.delivery.eventType,
      attempts: r.number,
      lastError: r.outcome.errorMessage,
    }));
  const exhaustion = await recordExhaustions(client, exhausted);
  emails.push(...exhaustion.emails);
  for (const id of exhaustion.disabled) disabled.add(id);
  emails.push(...(await warnBeforeDisabling(client, events)));
  // Written by the caller (the fan-out's inline attempts): leased by a statement of their own.
  held.push(
    ...(await holdRetries(
      client,
      [...candidates.values()].filter((h) => opts.written?.has(h.delivery.id)),
    )),
  );
  const heldIds = new Set(held.map((h) => h.delivery.id));

  const slowMs = slowAttemptMs();
  for (const { r, d } of events) {
    const webhookId = r.delivery.webhookId;
    const slow = r.outcome.latencyMs > slowMs || r.outcome.errorClass === "timeout";
    const change: LaneChange = {
      webhookId,
      ...(d.retryAt !== null && !heldIds.has(r.delivery.id) && !disabled.has(webhookId) ? { wakeAt: d.retryAt } : {}),
      ...(d.pauseUntil !== null ? { pausedUntil: d.pauseUntil } : {}),
      // A lane's attempt says whether its receiver is slow or fast again; an inline attempt
      // (made only to a lane that was not slow) can only make it slow.
      ...(opts.fromLane ? { slow } : slow ? { slow } : {}),
      // Every ended attempt frees a slot of its webhook's width: a full lane is woken. (A healthy
      // inline delivery's lane is neither locked nor written unless it is full.)
      wakeIfSaturated: true,
    };
    lanes.push(change);
  }
  const wakes = await changeLanes(client, lanes, now);
  return { decisions, held, wakes, emails };
}
