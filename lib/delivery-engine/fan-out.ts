// The work of one event's fan-out: match, make the first attempt inline to every matching webhook
// whose lane is clear (fast, nothing due, not paused, no rate limit, not ordered, a free slot),
// wait for them at most a small fixed budget, then write the traces, every delivery and the
// successful attempts in one transaction (failed ones are recorded just after it: a failing
// webhook's health row must not hold the event's commit). A slow receiver's first attempt, if its lane is otherwise
// clear, starts too but is never waited for; attempts still running at the budget go on in the
// background as well, leased, and are recorded when they end; deliveries to busy lanes are queued
// there. So one slow receiver never holds a fan-out, and costs no lane run while it has slots.
//
// The critical path before the first request is one round trip (the event and the matching
// webhooks are read together). Re-running after a crash is safe: a delivery an earlier run
// wrote is not written or sent again (its lane owns it); one sent but not written goes again
// under the same webhook-id.
import { randomUUID } from "node:crypto";
import type { PoolClient } from "pg";
import { applyConditions, type Judged } from "../conditions/apply-conditions";
import { byKeyPool, sqlTransaction } from "../db";
import { logger } from "../logger";
import { releaseSlot, tryTakeSlot } from "./attempt-slots";
import { holdInProcess, recordSoon, sendEmailsSoon, track } from "./background-sender";
import { deliveryTimeoutMs, inlineBudgetMs, LEASE_MARGIN_MS, MAX_ATTEMPTS, retryPolicy } from "./config";
import { decide } from "./decide";
import { changeLanes, type LaneChange, sendLaneWakes } from "./lanes";
import { type Candidate, type Match, matchWebhooks, type SendableMatch } from "./match-webhooks";
import { bodyBuilder, eventMessageId, todoOf } from "./payload";
import { type AttemptRecord, attemptEndedAt, type DeliveryToSend, performAttempt } from "./perform-attempt";
import { attemptRows, attemptValues, recordAttempts, stateAfter } from "./record-attempts";
import { signingSecrets } from "./signing-secrets";

type EventRow = {
  type: string;
  projectId: string;
  projectIds: string[];
  sequence: string;
  todoId: string | null;
  occurredAt: Date;
  previousValue: unknown;
  currentValue: unknown;
};

async function loadEvent(eventId: string): Promise<EventRow | undefined> {
  const { rows } = await byKeyPool().query<EventRow>(
    `SELECT type, project_id AS "projectId", project_ids AS "projectIds", sequence::text AS sequence,
            todo_id AS "todoId", occurred_at AT TIME ZONE 'UTC' AS "occurredAt",
            previous_value AS "previousValue", current_value AS "currentValue"
       FROM events WHERE id = $1`,
    [eventId],
  );
  return rows[0];
}

/**
 * The event's deliveries exist from here on: an ordered lane waits for this mark before it
 * delivers a record's later events, and "why (not) delivered?" tells pending from not considered.
 */
const markFannedOut = (client: Pick<PoolClient, "query">, eventId: string) =>
  client.query("UPDATE events SET fanned_out_at = now() AT TIME ZONE 'UTC' WHERE id = $1 AND fanned_out_at IS NULL", [
    eventId,
  ]);

/**
 * Webhooks with an attempt that a fan-out of this process stopped waiting for and that has not
 * ended yet (by count). Until it ends — and its recording says whether the receiver is slow — the
 * next events' first attempts to them are not waited for either: a receiver that times out takes
 * WEBHOOK_TIMEOUT_MS to be known as slow, and meanwhile every event to it held its fan-out (and
 * a call slot) for the straggler wait. Process memory only: nothing else depends on it.
 */
const unanswered = new Map<string, number>();

function trackUnanswered(webhookId: string, attempt: Promise<unknown>) {
  unanswered.set(webhookId, (unanswered.get(webhookId) ?? 0) + 1);
  const done = () => {
    const left = (unanswered.get(webhookId) ?? 1) - 1;
    if (left > 0) unanswered.set(webhookId, left);
    else unanswered.delete(webhookId);
  };
  attempt.then(done, done);
}

/**
 * How this process makes the webhook's first attempt now: inline (waited for, within the budget),
 * in the background from the start (its receiver is slow, or an attempt to it that a fan-out
 * stopped waiting for is still unanswered, so it is not waited for), or not at all — queued in its
 * lane, which has work due, a pause, a rate, an order or no free slot.
 */
function firstAttempt(w: Candidate, now: number): "inline" | "background" | "queued" {
  if (w.orderedDelivery || w.maxPerSecond !== null || w.laneSaturated) return "queued";
  if (w.lanePausedUntil && w.lanePausedUntil.getTime() > now) return "queued";
  if (w.laneWakeAt && w.laneWakeAt.getTime() <= now) return "queued";
  if (!tryTakeSlot(w.id, w.maxConcurrency)) return "queued";
  return w.laneSlow || unanswered.has(w.id) ? "background" : "inline";
}

/**
 * Wait for the inline attempts: until all have ended, at most the budget, and once nine in ten
 * have ended, at most three times as long again for the rest (at least 25 ms). So a burst whose
 * receivers all answer slowly is waited for, while one straggler among fast receivers (a receiver
 * that is slow or times out) costs the fan-out a few milliseconds, not the budget.
 */
async function waitForInline(promises: Promise<unknown>[], started: number) {
  let timer: NodeJS.Timeout | undefined;
  let stragglers: NodeJS.Timeout | undefined;
  const enough = promises.length >= 2 ? Math.ceil(promises.length * 0.9) : promises.length;
  let ended = 0;
  await new Promise<void>((resolve) => {
    timer = setTimeout(resolve, inlineBudgetMs());
    for (const p of promises) {
      p.then(() => {
        ended++;
        if (ended === promises.length) resolve();
        else if (ended === enough) stragglers = setTimeout(resolve, Math.max(25, 3 * (Date.now() - started)));
      });
    }
  });
  clearTimeout(timer);
  clearTimeout(stragglers);
}

/**
 * The fan-out's one write (one round trip): lock the webhooks against deletion for this
 * transaction (a webhook deleted just before is skipped, one deleted now waits for the commit, so
 * the other webhooks are unaffected), write the traces, every delivery of those still there and
 * the successful inline attempts of those, and mark the event fanned out. Exported for the test of
 * its plan (it runs on the by-key pool, planned once).
 */
export const FAN_OUT_WRITE_STATEMENT = `WITH alive AS (
     SELECT id FROM webhooks WHERE id = ANY($21::text[]) ORDER BY id FOR KEY SHARE
   ), traces AS (
     INSERT INTO event_traces (event_id, webhook_id, outcome, failed_rule, created_at)
     SELECT $1, v.webhook_id, v.outcome::"TraceOutcome", v.failed_rule::jsonb, now() AT TIME ZONE 'UTC'
       FROM unnest($22::text[], $23::text[], $24::text[]) AS v(webhook_id, outcome, failed_rule)
      WHERE v.webhook_id IN (SELECT id FROM alive)
     ON CONFLICT DO NOTHING
   ), inserted AS (
     INSERT INTO deliveries (id, webhook_id, event_id, event_type, project_id, todo_id, todo_title, message_id, body,
                             status, attempt_count, last_attempt_at, last_status_code, last_latency_ms, last_error,
                             completed_at, next_attempt_at, lease_until, event_sequence, chain_last, created_at, updated_at)
     SELECT v.id, v.webhook_id, $1, $2, $3, $4, $5, v.message_id, v.body, v.status::"DeliveryStatus", v.n,
            v.at AT TIME ZONE 'UTC', v.code, v.ms, v.err, v.completed AT TIME ZONE 'UTC', v.next AT TIME ZONE 'UTC',
            v.lease AT TIME ZONE 'UTC', $6::bigint, $7, now() AT TIME ZONE 'UTC',
            now() AT TIME ZONE 'UTC'
       FROM unnest($8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::int[], $14::timestamptz[],
                   $15::int[], $16::int[], $17::text[], $18::timestamptz[], $19::timestamptz[], $20::timestamptz[])
         AS v(id, webhook_id, message_id, body, status, n, at, code, ms, err, completed, next, lease)
      WHERE v.webhook_id IN (SELECT id FROM alive)
     ON CONFLICT DO NOTHING
     RETURNING id
   ), attempts AS (
     -- The successful inline attempts of the deliveries written here (recordAttempts does
     -- the rest of their recording below).
     INSERT INTO delivery_attempts ${attemptRows(25)}
      WHERE v.delivery_id IN (SELECT id FROM inserted)
     ON CONFLICT (delivery_id, number) DO NOTHING
   ), marked AS (
     UPDATE events SET fanned_out_at = now() AT TIME ZONE 'UTC' WHERE id = $1 AND fanned_out_at IS NULL
   )
   SELECT coalesce((SELECT array_agg(id) FROM inserted), '{}') AS inserted`;

/** Apply the lane changes a fan-out left for after its commit, and send the wake-ups. */
async function wakeQueuedLanes(changes: LaneChange[]) {
  const now = Date.now();
  const wakes = await sqlTransaction((client) => changeLanes(client, changes, now), byKeyPool());
  await sendLaneWakes(wakes);
}

/** What a fan-out did, and where its time went (ms: reading and matching, waiting for inline
 * attempts, the transaction, and the hand-offs after it) — the run's output in Inngest. */
export type FanOutResult = {
  matched: number;
  inline: number;
  queued: number;
  background: number;
  /** First attempts started without being waited for (a slow or still unanswered receiver). */
  notWaited: number;
  ms: { match: number; wait?: number; commit?: number; after?: number };
};

type Inline = {
  send: DeliveryToSend;
  secrets: string[];
  record?: AttemptRecord;
  promise: Promise<AttemptRecord>;
  /** Waited for (inline), or recorded when it ends whenever that is (background). */
  waited: boolean;
};

export async function fanOutEvent(
  eventId: string,
  known?: { type: string; projectIds: string[] },
): Promise<FanOutResult> {
  const entered = Date.now();
  const [event, selected] = known
    ? await Promise.all([loadEvent(eventId), matchWebhooks(eventId, known.type, known.projectIds)])
    : await loadEvent(eventId).then(
        async (e) => [e, e ? await matchWebhooks(eventId, e.type, e.projectIds) : []] as const,
      );
  const none = { matched: 0, inline: 0, queued: 0, background: 0, notWaited: 0, ms: { match: Date.now() - entered } };
  if (!event) return none;
  if (selected.length === 0) {
    await markFannedOut(byKeyPool(), eventId);
    return none;
  }
  // Conditions turn a selecting webhook's MATCHED (or DISABLED) into FILTERED, traced with the rule.
  const matches = await applyConditions(event, selected);

  const todo = todoOf(event.currentValue ?? event.previousValue);
  const bodyFor = bodyBuilder({
    id: eventId,
    timestamp: event.occurredAt,
    event: event.type,
    previousValue: event.previousValue,
    currentValue: event.currentValue,
  });
  const started = Date.now();
  // Deliveries an earlier run of this fan-out wrote belong to their lanes now.
  const fresh = matches
    .filter(
      (m): m is Extract<Judged<Match>, SendableMatch> =>
        (m.outcome === "MATCHED" || m.outcome === "DISABLED") && m.webhook.existingDeliveryId === null,
    )
    .sort((a, b) => (a.webhook.id < b.webhook.id ? -1 : 1))
    .map(({ webhook, outcome }) => ({
      webhook,
      outcome,
      send: {
        id: randomUUID(),
        webhookId: webhook.id,
        messageId: eventMessageId(eventId, webhook.id),
        body: bodyFor(webhook),
        eventType: event.type,
        url: webhook.url,
        kind: "event" as const,
        chainLast: MAX_ATTEMPTS,
      },
    }));

  const inline = new Map<string, Inline>();
  for (const f of fresh) {
    const how = f.outcome === "MATCHED" ? firstAttempt(f.webhook, started) : "queued";
    if (how === "queued") continue;
    let secrets: string[];
    try {
      secrets = signingSecrets(f.webhook);
    } catch (error) {
      // A secret that cannot be decrypted (a changed WEBHOOK_SECRET_KEY, a damaged row) is this
      // webhook's problem only: its delivery is queued in its own lane, the others go out now.
      releaseSlot(f.webhook.id);
      logger.error({ err: error, webhookId: f.webhook.id }, "webhook secret unreadable; delivery left to its lane");
      continue;
    }
    const entry: Inline = {
      send: f.send,
      secrets,
      promise: performAttempt(f.send, secrets, 1, "auto").finally(() => releaseSlot(f.webhook.id)),
      waited: how === "inline",
    };
    entry.promise.then((record) => {
      entry.record = record;
    });
    inline.set(f.send.id, entry);
  }
  const waited = [...inline.values()].filter((e) => e.waited);
  if (waited.length > 0)
    await waitForInline(
      waited.map((e) => e.promise),
      started,
    );

  const now = Date.now();
  const policy = retryPolicy();
  const lease = now + deliveryTimeoutMs() + LEASE_MARGIN_MS;
  // Only successes are recorded in this transaction. A failed attempt moves its webhook's health
  // row (every failure counts) — a row the failing webhook's other recorders hold too; waiting for
  // them here held the whole event's commit, and the call slot, on a failing receiver. It is
  // recorded just after the commit instead, like an attempt still running (leased until then).
  // A background attempt is recorded after the commit even if it ended already: as a lane's
  // attempt, its latency says whether its receiver is fast again.
  const succeeded = (e: Inline) => e.record?.outcome.ok === true;
  const finished = waited.filter(succeeded).map((e) => e.record!);
  const running = [...inline.values()].filter((e) => !e.waited || !succeeded(e));
  const unfinished = new Set(running.filter((e) => !e.record));
  for (const e of unfinished) if (e.waited) trackUnanswered(e.send.webhookId, e.promise);
  const rows = fresh.map(({ webhook, outcome, send }) => {
    const entry = inline.get(send.id);
    const base = {
      id: send.id,
      webhookId: webhook.id,
      messageId: send.messageId,
      body: send.body,
      state: {
        status: outcome === "MATCHED" ? "PENDING" : "SKIPPED",
        n: 0,
        at: null as string | null,
        code: null as number | null,
        ms: null as number | null,
        err: outcome === "MATCHED" ? null : ("The webhook was disabled" as string | null),
        completed: null as string | null,
        next: outcome === "MATCHED" ? new Date(now).toISOString() : null,
      },
    };
    if (entry?.record && entry.waited && entry.record.outcome.ok) {
      const decision = decide(
        { outcome: entry.record.outcome, number: 1, chainLast: MAX_ATTEMPTS },
        attemptEndedAt(entry.record),
        policy,
      );
      return { ...base, leaseUntil: null, state: stateAfter(entry.record, decision) };
    }
    // Still running: started now as far as the lane is concerned, leased until it must have ended.
    if (entry) return { ...base, leaseUntil: new Date(lease).toISOString() };
    return { ...base, leaseUntil: null };
  });

  // A MATCHED webhook's delivery says so (traceEvent reads it): only the other outcomes need a
  // trace row, so a delivered event writes its deliveries and nothing more.
  const traced = matches.filter((m) => m.outcome !== "MATCHED");
  const commit = sqlTransaction(async (client) => {
    const { rows: written } = await client.query<{ inserted: string[] }>(FAN_OUT_WRITE_STATEMENT, [
      eventId,
      event.type,
      event.projectId,
      todo.id,
      todo.title,
      event.sequence,
      MAX_ATTEMPTS,
      rows.map((r) => r.id),
      rows.map((r) => r.webhookId),
      rows.map((r) => r.messageId),
      rows.map((r) => r.body),
      rows.map((r) => r.state.status),
      rows.map((r) => r.state.n),
      rows.map((r) => r.state.at),
      rows.map((r) => r.state.code),
      rows.map((r) => r.state.ms),
      rows.map((r) => r.state.err),
      rows.map((r) => r.state.completed),
      rows.map((r) => r.state.next),
      rows.map((r) => r.leaseUntil),
      [...new Set(matches.map((m) => m.webhook.id))].sort(),
      traced.map((m) => m.webhook.id),
      traced.map((m) => m.outcome),
      traced.map((m) => (m.failedRule ? JSON.stringify(m.failedRule) : null)),
      ...attemptValues(finished),
    ]);
    const inserted = new Set(written[0].inserted);
    const queued = rows.filter((r) => inserted.has(r.id) && r.state.status === "PENDING" && !inline.has(r.id));
    const leased = running.filter((e) => inserted.has(e.send.id));
    // (An attempt whose process dies before it is recorded is made again by its lane once the
    // relay finds its lease long ended.)
    const recorded = await recordAttempts(
      client,
      finished.filter((r) => inserted.has(r.delivery.id)),
      {
        now,
        written: inserted,
        attemptsInserted: true,
        // The queued deliveries' lanes are changed after the commit (below), not here.
      },
    );
    return {
      laneChanges: [
        // A full lane is woken by its next finished attempt; waking it now would find no slot.
        ...queued.map((r) => ({ webhookId: r.webhookId, wakeAt: now, unlessSaturated: true })),
        // Inline attempts still running after the whole budget mark their lane slow, so the
        // next events' attempts are not waited for; stragglers cut short by the rule above are
        // judged when they end.
        ...(now - started >= inlineBudgetMs()
          ? leased
              .filter((e) => e.waited && unfinished.has(e))
              .map((e) => ({ webhookId: e.send.webhookId, slow: true }))
          : []),
      ],
      wakes: recorded.wakes,
      emails: recorded.emails,
      held: recorded.held,
      queued: queued.length,
      leased: new Set(leased.map((e) => e.send.id)),
    };
  }, byKeyPool());
  // Attempts past the budget are recorded when they end, once this transaction has committed.
  for (const e of running) {
    track(
      Promise.all([e.promise, commit]).then(
        ([record, c]) => c.leased.has(record.delivery.id) && recordSoon(record),
        () => undefined,
      ),
    );
  }
  const result = await commit;
  const committed = Date.now();
  holdInProcess(result.held);
  // Not awaited, like the e-mails: the call slot must not wait on a send (a lost one is the relay's).
  track(sendLaneWakes(result.wakes));
  sendEmailsSoon(result.emails);
  // The lanes of deliveries queued behind busy (often failing) webhooks are woken in a transaction
  // of their own, after the call: their rows are locked by those lanes' pumps and recorders, and
  // waiting for them held this fan-out's call slot (and so every other tenant's next event). A
  // crash before it leaves the deliveries due and unleased: the relay wakes their lanes.
  if (result.laneChanges.length > 0)
    track(
      wakeQueuedLanes(result.laneChanges).catch((error) =>
        logger.warn({ err: error }, "queued lanes not woken; the relay will"),
      ),
    );
  return {
    matched: matches.filter((m) => m.outcome === "MATCHED").length,
    inline: finished.length,
    queued: result.queued,
    background: result.leased.size,
    notWaited: inline.size - waited.length,
    ms: { match: started - entered, wait: now - started, commit: committed - now, after: Date.now() - committed },
  };
}
