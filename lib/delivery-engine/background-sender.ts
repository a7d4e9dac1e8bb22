// Attempts that outlive the call that started them: a lane's claimed attempts, fan-out attempts
// still running when its budget ran out, and retries due soon that this process holds. They run
// in this process, each leased in the database (a crash loses nothing: the lane makes a lost
// attempt again when its lease ends), and their outcomes are recorded together — every attempt
// that finished while the previous write was in flight goes into the next transaction, and failed
// attempts first wait GATHER_FAILURES_MS for others.
import { byKeyPool, sqlTransaction } from "../db";
import { logger } from "../logger";
import { sendQueuedEmails } from "../notify/email-outbox";
import { releaseSlot, takeSlot, tryTakeSlot } from "./attempt-slots";
import { changeLanes, sendLaneWakes } from "./lanes";
import { type AttemptRecord, type AttemptTrigger, type DeliveryToSend, performAttempt } from "./perform-attempt";
import { type HeldRetry, recordAttempts } from "./record-attempts";
import { signingSecrets } from "./signing-secrets";

export type Launch = {
  delivery: DeliveryToSend;
  secrets: string[];
  number: number;
  trigger: AttemptTrigger;
  /** Not before (a rate-limited lane spaces its attempts). */
  startAt?: number;
  /** A rate-limited webhook's spacing between starts, in ms. */
  spacingMs?: number;
  /** Its slot is held already (by the lane's pump, since the claim): kept, not taken again. */
  slotHeld?: boolean;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const running = new Set<Promise<unknown>>();
const queue: AttemptRecord[] = [];
let writing = false;
/** A write of failed attempts only is already planned (GATHER_FAILURES_MS after the first). */
let gathering = false;
const WRITE_BATCH = 500;
/**
 * Failed attempts wait this long for others before they are written: their retries are seconds
 * away and planned from when each attempt ended, not from when it is recorded, so nothing they
 * start is later. Written one transaction each as they came (1.45 attempts a transaction in
 * bench:delivery's (e)), each failure cost the worker ~7 round trips to PostgreSQL. A success
 * is written at once, with every failure waiting.
 */
export const GATHER_FAILURES_MS = 100;

/** Count work that ends later among what settleBackgroundAttempts waits for. */
export function track<T>(promise: Promise<T>): Promise<T> {
  running.add(promise);
  promise.finally(() => running.delete(promise)).catch(() => undefined);
  return promise;
}

/** Record an attempt soon, together with the others that finish meanwhile. */
export function recordSoon(record: AttemptRecord) {
  queue.push(record);
  // (Not writing: what waited before this record were failures only, or a write would be on.)
  writeSoon(record.outcome.ok);
}

/**
 * Write now when a success waits (or a full batch), else once the failures had time to gather.
 * After a write, what came in during it is looked at whole.
 */
function writeSoon(successWaits = queue.some((r) => r.outcome.ok)) {
  if (writing || queue.length === 0) return;
  if (successWaits || queue.length >= WRITE_BATCH) return startWriting();
  if (gathering) return;
  gathering = true;
  track(
    sleep(GATHER_FAILURES_MS).then(() => {
      gathering = false;
      if (!writing && queue.length > 0) startWriting();
    }),
  );
}

function startWriting() {
  writing = true;
  track(writeQueued());
}

async function writeQueued() {
  const batch = queue.splice(0, WRITE_BATCH);
  try {
    // Every attempt recorded here was leased, and counted by its lane: its end may free a slot
    // of a full lane, and its latency says whether the receiver is slow or fast again.
    const { wakes, emails, held } = await sqlTransaction(
      (client) => recordAttempts(client, batch, { fromLane: true }),
      byKeyPool(),
    );
    holdInProcess(held);
    // Not awaited: the next batch must not wait on Inngest (a failed send is the relay's).
    track(sendLaneWakes(wakes));
    sendEmailsSoon(emails);
  } catch (error) {
    // Their leases run out and their lanes make these attempts again.
    logger.error({ err: error, attempts: batch.length }, "attempts not recorded; they are made again");
  }
  writing = false;
  // What came in during this write goes next if it holds a success; failures gather first.
  writeSoon();
}

/**
 * Send e-mails a transaction queued (they are in the outbox: what fails goes out with the relay),
 * without holding up the caller — a fan-out's call slot must not wait on a mail server.
 */
export function sendEmailsSoon(ids: string[]) {
  if (ids.length === 0) return;
  track(sendQueuedEmails(ids).catch((error) => logger.warn({ err: error }, "e-mails not sent; the relay will retry")));
}

/** The last attempt start of each rate-limited webhook in this process. */
const lastStart = new Map<string, number>();

/**
 * Wait until the attempt may start: its planned time, and for a rate-limited webhook also one
 * spacing after this process's previous start to it — timers that fire late (a busy event loop)
 * would otherwise start several planned attempts at once, over the webhook's rate.
 */
async function untilStart(launch: Launch) {
  const planned = (launch.startAt ?? 0) - Date.now();
  if (planned > 0) await sleep(planned);
  const spacing = launch.spacingMs ?? 0;
  if (spacing <= 0) return;
  const id = launch.delivery.webhookId;
  let due = launch.startAt ?? 0;
  for (;;) {
    const earliest = (lastStart.get(id) ?? 0) + spacing;
    const wait = earliest - Date.now();
    if (wait <= 0) break;
    due = earliest;
    await sleep(wait);
  }
  // Checked and set with no await in between: concurrent launches take turns. A timer fires late
  // on a busy event loop; counting the start from when it was due (at most a tenth of a spacing
  // earlier) keeps that lateness from adding up over a backlog (a webhook at 10/s got 9/s under
  // load), while a stall is never made up with a burst.
  const now = Date.now();
  if (lastStart.size > 10_000) for (const [key, at] of lastStart) if (at < now - 60_000) lastStart.delete(key);
  lastStart.set(id, Math.max(now - spacing / 10, Math.min(now, due)));
}

/** Make a lane's claimed attempts in the background (its pump committed their leases first). */
export function launchAttempts(launches: Launch[]) {
  for (const launch of launches) {
    const id = launch.delivery.webhookId;
    track(
      (async () => {
        await untilStart(launch);
        if (!launch.slotHeld) takeSlot(id);
        const record = await performAttempt(launch.delivery, launch.secrets, launch.number, launch.trigger).finally(
          () => releaseSlot(id),
        );
        recordSoon(record);
      })().catch((error) => logger.debug({ err: error }, "background attempt dropped")),
    );
  }
}

/** Held retries by delivery, and one timer per tick of HOLD_TICK_MS with the retries due in it. */
const holds = new Map<string, HeldRetry>();
const ticks = new Map<number, { timer: NodeJS.Timeout; due: HeldRetry[] }>();
/** Retries due in the same few ms start together, with one read of their state. */
const HOLD_TICK_MS = 20;

/**
 * Start held retries when they are due (recordAttempts leased them to this process), on time to
 * a tick (HOLD_TICK_MS, well within any retry wait), and at no lane run's cost. A timer does not
 * keep the process alive (a process that ends leaves the retry to its lane once the lease is over).
 */
export function holdInProcess(held: HeldRetry[]) {
  for (const hold of held) {
    holds.set(hold.delivery.id, hold);
    const at = Math.ceil(hold.at / HOLD_TICK_MS) * HOLD_TICK_MS;
    const tick = ticks.get(at);
    if (tick) {
      tick.due.push(hold);
      continue;
    }
    const timer = setTimeout(() => startTick(at), Math.max(0, at - Date.now()));
    timer.unref();
    ticks.set(at, { timer, due: [hold] });
  }
}

function startTick(at: number) {
  const tick = ticks.get(at);
  ticks.delete(at);
  // A delivery held again since (a later attempt) is started by its newer hold.
  const due = (tick?.due ?? []).filter((h) => holds.get(h.delivery.id) === h);
  for (const h of due) holds.delete(h.delivery.id);
  if (due.length > 0) track(startDue(due));
}

type HeldState = {
  id: string;
  enabled: boolean;
  paused: boolean;
  url: string;
  maxConcurrency: number;
  secretEncrypted: string;
  previousSecretEncrypted: string | null;
  previousSecretExpiresAt: Date | null;
};

const leaseArrays = (held: HeldRetry[]) => [
  held.map((h) => h.delivery.id),
  held.map((h) => new Date(h.leaseUntil).toISOString()),
];

/**
 * The held retries' deliveries as they are now, with their webhooks. The deliveries are read by
 * primary key first (a materialised step): joined directly, a predicate on their status let the
 * planner, with statistics from a quiet spell (no retries), read every waiting delivery through the
 * partial index of waiting ones once per held retry — 86 ms for 20 retries among 9,000 waiting.
 */
export const HELD_STATE_STATEMENT = `WITH held AS MATERIALIZED (
    SELECT id, webhook_id, status, lease_until FROM deliveries WHERE id = ANY($1::text[])
  )
  SELECT d.id, w.enabled, COALESCE(l.paused_until > now() AT TIME ZONE 'UTC', false) AS paused, w.url,
         w.max_concurrency AS "maxConcurrency", w.secret_encrypted AS "secretEncrypted",
         w.previous_secret_encrypted AS "previousSecretEncrypted",
         w.previous_secret_expires_at AT TIME ZONE 'UTC' AS "previousSecretExpiresAt"
    FROM unnest($1::text[], $2::timestamptz[]) AS v(id, lease)
    JOIN held d ON d.id = v.id AND d.lease_until = v.lease AT TIME ZONE 'UTC' AND d.status = 'RETRYING'
    JOIN webhooks w ON w.id = d.webhook_id
    LEFT JOIN delivery_lanes l ON l.webhook_id = d.webhook_id`;

/**
 * Make the held retries now due, each if it is still this process's (not redelivered, skipped or
 * deleted meanwhile), with the webhook's current URL and secrets. One whose webhook was disabled
 * or paused, or has no free slot here, goes back to its lane, which knows what to do with it.
 */
async function startDue(batch: HeldRetry[]) {
  const { rows } = await byKeyPool().query<HeldState>(HELD_STATE_STATEMENT, leaseArrays(batch));
  const current = new Map(rows.map((r) => [r.id, r]));
  const giveBack: HeldRetry[] = [];
  const noSlot = new Set<string>();
  for (const hold of batch) {
    const state = current.get(hold.delivery.id);
    if (!state) continue;
    if (!state.enabled || state.paused) {
      giveBack.push(hold);
      continue;
    }
    if (!tryTakeSlot(hold.delivery.webhookId, state.maxConcurrency)) {
      giveBack.push(hold);
      noSlot.add(hold.delivery.id);
      continue;
    }
    track(
      performAttempt({ ...hold.delivery, url: state.url }, signingSecrets(state), hold.number, hold.trigger)
        .finally(() => releaseSlot(hold.delivery.webhookId))
        .then(recordSoon),
    );
  }
  if (giveBack.length > 0) await returnToLanes(giveBack, noSlot);
}

/**
 * End held retries' leases and wake their lanes, which send them (or skip, or wait) instead. One
 * given back for want of a free slot (`noSlot`) wakes its lane only if the lane is not full: a full
 * lane is woken by its next finished attempt, and waking it now found no slot either — a slow
 * receiver's lane was pumped for nothing about once per failed attempt.
 */
async function returnToLanes(held: HeldRetry[], noSlot = new Set<string>()) {
  const now = Date.now();
  const wakes = await sqlTransaction(async (client) => {
    const { rows } = await client.query<{ id: string; webhookId: string }>(
      `UPDATE deliveries d SET lease_until = NULL, updated_at = now() AT TIME ZONE 'UTC'
         FROM unnest($1::text[], $2::timestamptz[]) AS v(id, lease)
        WHERE d.id = v.id AND d.lease_until = v.lease AT TIME ZONE 'UTC'
       RETURNING d.id, d.webhook_id AS "webhookId"`,
      leaseArrays(held),
    );
    return changeLanes(
      client,
      rows.map((r) => ({ webhookId: r.webhookId, wakeAt: now, unlessSaturated: noSlot.has(r.id) })),
      now,
    );
  }, byKeyPool());
  await sendLaneWakes(wakes);
}

/**
 * Give every retry this process holds back to its lane now (the process is stopping): the lanes
 * send them on time instead of a minute after their leases end.
 */
export async function handOverHeldRetries() {
  const held = [...holds.values()];
  for (const { timer } of ticks.values()) clearTimeout(timer);
  ticks.clear();
  holds.clear();
  if (held.length > 0) await returnToLanes(held);
}

/** Wait until every background attempt has been made and recorded (tests, shutdown). */
export async function settleBackgroundAttempts() {
  while (running.size > 0) await Promise.allSettled([...running]);
}
