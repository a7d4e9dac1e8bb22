// Delivery lanes: every webhook's deliveries that are not started by the fan-out or held by the
// process that recorded their last failure (retries due later, redeliveries, replays, deliveries
// to a busy, paused, rate-limited or ordered webhook) queue in the `deliveries` table and are
// sent by that webhook's lane, and only by it. A lane is pumped by
// Inngest runs of one function with a concurrency key on the webhook, one at a time; a run is one
// call: a short transaction that claims what may start now — within the webhook's width, rate,
// pause and record order — and hands the attempts to the background sender, so no call into the
// app ever waits on a receiver. The run ends there; the lane's next pump (a retry due, a rate
// slot, a lease ending) is a new run, started by an event dated for that time (Inngest's delayed
// start), so a waiting lane holds nothing and costs nothing.
//
// `delivery_lanes` is both the lane's state and the outbox of its wake-ups: scheduling a lane
// earlier than its current wake moves its generation in the same transaction as the work that
// needs it, and the run started for that generation owns the lane (a run for an older one finds
// itself superseded and stops). A wake-up whose run never came is sent again by the relay.
import type { PoolClient } from "pg";
import { inngest } from "@/inngest/client";
import { laneWakeRequested } from "@/inngest/events";
import { pool, sqlTransaction } from "../db";
import { logger } from "../logger";
import { attemptsInFlightHere, releaseSlot, takeSlot } from "./attempt-slots";
import { deliveryTimeoutMs, LEASE_MARGIN_MS } from "./config";
import type { AttemptTrigger, DeliveryToSend } from "./perform-attempt";
import { signingSecrets } from "./signing-secrets";

/** A run to start for a lane's generation, at `at` (ms) or at once. */
export type LaneWake = { webhookId: string; generation: string; at: Date | null };
export type ScheduleRequest = { webhookId: string; at: number };

/** How far ahead a rate-limited lane schedules its sends (one pump per second at most). */
const RATE_LOOKAHEAD_MS = 1_000;
/** A full lane looks again after this even if no finished attempt woke it. */
const FULL_LANE_POLL_MS = 2_000;
/** An ordered lane waiting for an earlier event's fan-out looks again after this. */
const FAN_OUT_POLL_MS = 250;
/** An earlier event not fanned out after this is taken as lost and no longer blocks its record. */
const FAN_OUT_GIVE_UP_MS = 10 * 60_000;
/** A wake older than this whose lane was not pumped is sent again by the relay. */
export const STALE_WAKE_MS = 60_000;
/** Lanes the relay wakes per pass at most. */
const RELAY_LANES = 1_000;
/** Inngest events per send: well under its 5,000 events and 512 KB per request. */
const WAKES_PER_SEND = 500;

const iso = (ms: number) => new Date(ms).toISOString();

const PENDING = `status IN ('PENDING', 'RETRYING')`;
/** Not claimed by any process: never leased, or its lease is over (the attempt was lost). */
const UNLEASED = `(lease_until IS NULL OR lease_until <= now() AT TIME ZONE 'UTC')`;

/** What one transaction wants of a webhook's lane. */
export type LaneChange = {
  webhookId: string;
  /** Pump it at this time (or now, if earlier), unless it is due as early already. */
  wakeAt?: number;
  /** Pump it now if its last pump left due work for want of a free slot (a finished attempt). */
  wakeIfSaturated?: boolean;
  /** With wakeAt: not if the lane is full (its next finished attempt wakes it). */
  unlessSaturated?: boolean;
  /** The receiver asked to back off: nothing is sent to it before this. */
  pausedUntil?: number;
  /** Its last attempt was slow (or fast again): the fan-out does not wait for its first attempts. */
  slow?: boolean;
};

type LaneState = { webhookId: string; generation: string; wakeAt: Date | null; saturated: boolean; slow: boolean };

type MergedChange = {
  /** Earliest wake asked for whatever the lane's state, and earliest asked unless it is full. */
  wakeAt?: number;
  wakeUnlessFull?: number;
  wakeIfSaturated?: boolean;
  pausedUntil?: number;
  slow?: boolean;
};

const earliest = (a: number | undefined, b: number) => (a === undefined ? b : Math.min(a, b));

/** Merge the changes asked for one lane: earliest wakes, latest pause, last speed. */
function mergeChanges(changes: LaneChange[]): Map<string, MergedChange> {
  const merged = new Map<string, MergedChange>();
  for (const c of changes) {
    const m = merged.get(c.webhookId) ?? {};
    if (c.wakeAt !== undefined && c.unlessSaturated) m.wakeUnlessFull = earliest(m.wakeUnlessFull, c.wakeAt);
    else if (c.wakeAt !== undefined) m.wakeAt = earliest(m.wakeAt, c.wakeAt);
    if (c.wakeIfSaturated) m.wakeIfSaturated = true;
    if (c.pausedUntil !== undefined) m.pausedUntil = Math.max(m.pausedUntil ?? c.pausedUntil, c.pausedUntil);
    if (c.slow !== undefined) m.slow = c.slow;
    merged.set(c.webhookId, m);
  }
  return merged;
}

/**
 * Lock the lanes' rows in webhook order, in one statement: those `must` change (made first where
 * missing; deleted webhooks are left out), and of the `ifFull` ones only those now saturated —
 * the others are neither locked nor written.
 */
async function lockLanes(client: PoolClient, must: string[], ifFull: string[]): Promise<Map<string, LaneState>> {
  const select = `SELECT webhook_id AS "webhookId", generation::text AS generation,
                         wake_at AT TIME ZONE 'UTC' AS "wakeAt", saturated, slow
                    FROM delivery_lanes
                   WHERE webhook_id = ANY($1::text[]) OR (webhook_id = ANY($2::text[]) AND saturated)
                   ORDER BY webhook_id FOR UPDATE`;
  const { rows } = await client.query<LaneState>(select, [must, ifFull]);
  const found = new Map(rows.map((r) => [r.webhookId, r]));
  const missing = must.filter((id) => !found.has(id));
  if (missing.length > 0) {
    // Lanes are made with their webhooks; this covers webhooks older than lanes.
    await client.query(
      `INSERT INTO delivery_lanes (webhook_id, updated_at)
       SELECT id, now() AT TIME ZONE 'UTC' FROM webhooks WHERE id = ANY($1::text[]) ORDER BY id
       ON CONFLICT DO NOTHING`,
      [missing],
    );
    for (const r of (await client.query<LaneState>(select, [missing, []])).rows) found.set(r.webhookId, r);
  }
  return found;
}

/**
 * Apply what a transaction wants of its webhooks' lanes, with the rows locked once, in webhook
 * order, whatever the mix of wake-ups, pauses and speeds: concurrent transactions then queue
 * instead of deadlocking. A lane woken earlier than its current wake gets a new generation, and
 * the wake-up is returned, to send after the commit.
 */
export async function changeLanes(client: PoolClient, changes: LaneChange[], now: number): Promise<LaneWake[]> {
  const merged = mergeChanges(changes);
  if (merged.size === 0) return [];
  // A change that only wakes a full lane (a finished attempt) needs no row unless it is full.
  const onlyIfFull = (c: MergedChange) =>
    c.wakeIfSaturated &&
    c.wakeAt === undefined &&
    c.wakeUnlessFull === undefined &&
    c.pausedUntil === undefined &&
    c.slow === undefined;
  const ids = [...merged.keys()].sort();
  const lanes = await lockLanes(
    client,
    ids.filter((id) => !onlyIfFull(merged.get(id)!)),
    ids.filter((id) => onlyIfFull(merged.get(id)!)),
  );
  const updates: {
    id: string;
    wake: string | null;
    bump: boolean;
    pause: string | null;
    slow: boolean;
    saturated: boolean;
  }[] = [];
  const wakes: LaneWake[] = [];
  for (const [id, change] of merged) {
    const lane = lanes.get(id);
    if (!lane) continue;
    const wanted = [
      ...(change.wakeAt !== undefined ? [Math.max(change.wakeAt, now)] : []),
      ...(change.wakeUnlessFull !== undefined && !lane.saturated ? [Math.max(change.wakeUnlessFull, now)] : []),
      ...(change.wakeIfSaturated && lane.saturated ? [now] : []),
    ];
    const at = wanted.length > 0 ? Math.min(...wanted) : undefined;
    const bump = at !== undefined && (lane.wakeAt === null || lane.wakeAt.getTime() > at);
    const slow = change.slow ?? lane.slow;
    if (!bump && change.pausedUntil === undefined && slow === lane.slow) continue;
    updates.push({
      id,
      wake: bump ? iso(at) : null,
      bump,
      pause: change.pausedUntil === undefined ? null : iso(change.pausedUntil),
      slow,
      saturated: bump && at === now ? false : lane.saturated,
    });
    if (bump) wakes.push({ webhookId: id, generation: String(BigInt(lane.generation) + 1n), at: new Date(at) });
  }
  if (updates.length > 0) {
    await client.query(
      `UPDATE delivery_lanes l
          SET wake_at = CASE WHEN v.bump THEN v.wake AT TIME ZONE 'UTC' ELSE l.wake_at END,
              generation = l.generation + CASE WHEN v.bump THEN 1 ELSE 0 END,
              paused_until = CASE WHEN v.pause IS NULL THEN l.paused_until
                                  ELSE GREATEST(COALESCE(l.paused_until, v.pause AT TIME ZONE 'UTC'), v.pause AT TIME ZONE 'UTC') END,
              slow = v.slow, saturated = v.saturated, updated_at = now() AT TIME ZONE 'UTC'
         FROM unnest($1::text[], $2::timestamptz[], $3::bool[], $4::timestamptz[], $5::bool[], $6::bool[])
           AS v(id, wake, bump, pause, slow, saturated)
        WHERE l.webhook_id = v.id`,
      [
        updates.map((u) => u.id),
        updates.map((u) => u.wake),
        updates.map((u) => u.bump),
        updates.map((u) => u.pause),
        updates.map((u) => u.slow),
        updates.map((u) => u.saturated),
      ],
    );
  }
  return wakes;
}

/**
 * A disabled webhook's deliveries that are not in flight — queued, due, or retries held by a
 * process until their time — are kept as skipped (replay sends them later), by the transaction
 * that disables it and by its lane's next pump. An attempt under way is left to its recording
 * (it stays skipped unless it delivered), and so is a delivery another transaction holds now
 * (recording an attempt): that one comes back to its lane, or to its holder, which skips it then.
 */
export async function skipWaitingDeliveries(client: PoolClient, webhookIds: string[], now: number) {
  if (webhookIds.length === 0) return;
  await client.query(
    `UPDATE deliveries SET status = 'SKIPPED', next_attempt_at = NULL, lease_until = NULL,
            last_error = 'The webhook was disabled', updated_at = now() AT TIME ZONE 'UTC'
      WHERE id IN (SELECT id FROM deliveries
                    WHERE webhook_id = ANY($1::text[]) AND ${PENDING}
                      AND (lease_until IS NULL OR lease_until <= $2::timestamptz AT TIME ZONE 'UTC'
                           OR next_attempt_at > $2::timestamptz AT TIME ZONE 'UTC')
                      FOR UPDATE SKIP LOCKED)`,
    [webhookIds, iso(now)],
  );
}

/** Pump each webhook's lane at `at` (or now, if earlier), unless it is due as early already. */
export function scheduleLanes(client: PoolClient, requests: ScheduleRequest[], now: number): Promise<LaneWake[]> {
  return changeLanes(
    client,
    requests.map((r) => ({ webhookId: r.webhookId, wakeAt: r.at })),
    now,
  );
}

/** Start the lane runs asked for (after the commit). A failed send is left to the relay. */
export async function sendLaneWakes(wakes: LaneWake[]) {
  for (let i = 0; i < wakes.length; i += WAKES_PER_SEND) {
    const batch = wakes.slice(i, i + WAKES_PER_SEND);
    await inngest
      .send(
        batch.map((w) => ({
          id: `lane-${w.webhookId}-${w.generation}`,
          name: laneWakeRequested.event,
          data: { webhookId: w.webhookId, generation: w.generation },
          // Dated in the future, the run starts then (Inngest's delayed start).
          ...(w.at && w.at.getTime() > Date.now() ? { ts: w.at.getTime() } : {}),
        })),
      )
      .catch((error) => logger.warn({ err: error, wakes: batch.length }, "lane wake-up not sent; the relay sends it"));
  }
}

/**
 * The backstop of every lane, run by the relay: lanes whose wake-up passed long ago without a
 * pump (the wake-up was lost), and lanes with deliveries due long ago — among them attempts whose
 * process died in flight (their lease ended) — get a new run. A lane that is simply full (its
 * due deliveries wait for a free slot) is woken too, which costs one short pump.
 */
export async function relayLaneWakes(now = Date.now()): Promise<number> {
  const stale = iso(now - STALE_WAKE_MS);
  const { rows } = await pool().query<LaneWake>(
    `WITH due AS (
       SELECT webhook_id FROM delivery_lanes WHERE wake_at < $1::timestamptz AT TIME ZONE 'UTC'
       UNION
       SELECT DISTINCT webhook_id FROM deliveries
        WHERE status IN ('PENDING', 'RETRYING') AND next_attempt_at < $1::timestamptz AT TIME ZONE 'UTC'
          AND ${UNLEASED}
       LIMIT ${RELAY_LANES}
     )
     INSERT INTO delivery_lanes AS l (webhook_id, generation, wake_at, updated_at)
     SELECT w.id, 1, now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
       FROM (SELECT id FROM webhooks WHERE id IN (SELECT webhook_id FROM due) ORDER BY id FOR KEY SHARE) w
     ON CONFLICT (webhook_id) DO UPDATE
        SET generation = l.generation + 1, wake_at = EXCLUDED.wake_at, updated_at = EXCLUDED.updated_at
     RETURNING l.webhook_id AS "webhookId", l.generation::text AS generation, NULL::timestamptz AS at`,
    [stale],
  );
  await sendLaneWakes(rows);
  return rows.length;
}

export type Claimed = {
  delivery: DeliveryToSend;
  secrets: string[];
  number: number;
  trigger: AttemptTrigger;
  /** When the attempt may start (rate-limited lanes space their attempts out). */
  startAt: number;
  /** A rate-limited lane's spacing between attempt starts, in ms (0: no rate). */
  spacingMs: number;
  /** The pump holds the attempt's slot in this process already (launchAttempts keeps it). */
  slotHeld: true;
};

export type PumpResult = {
  claimed: Claimed[];
  /** The lane's next pump, to send after the commit (none: nothing waits, or superseded). */
  wake: LaneWake | null;
  superseded?: boolean;
};

type LaneRow = { generation: string; pausedUntil: Date | null; nextSlotAt: Date | null };
type WebhookRow = {
  enabled: boolean;
  url: string;
  maxConcurrency: number;
  maxPerSecond: number | null;
  ordered: boolean;
  secretEncrypted: string;
  previousSecretEncrypted: string | null;
  previousSecretExpiresAt: Date | null;
};
type Candidate = {
  id: string;
  messageId: string;
  body: string;
  eventType: string;
  kind: "event";
  attemptCount: number;
  chainLast: number;
  chainTrigger: string;
  blocked: boolean;
};

/** The lane's due deliveries, oldest first; an ordered lane offers only each record's first. */
async function dueCandidates(client: PoolClient, webhookId: string, ordered: boolean, now: number, limit: number) {
  const columns = `id, message_id AS "messageId", body, event_type AS "eventType", kind, attempt_count AS "attemptCount",
                   chain_last AS "chainLast", chain_trigger AS "chainTrigger"`;
  if (!ordered) {
    const { rows } = await client.query<Candidate>(
      `SELECT ${columns}, false AS blocked FROM deliveries
        WHERE webhook_id = $1 AND ${PENDING} AND next_attempt_at <= $2::timestamptz AT TIME ZONE 'UTC'
          AND ${UNLEASED}
        ORDER BY next_attempt_at, event_sequence LIMIT $3`,
      [webhookId, iso(now), limit],
    );
    return rows;
  }
  // Each record's earliest unfinished delivery, if it is due and no earlier event of the record
  // is still waiting for its fan-out (its delivery may not exist yet).
  const { rows } = await client.query<Candidate>(
    `SELECT h.*, EXISTS (
              SELECT 1 FROM events e
               WHERE e.todo_id = h.todo_id AND e.sequence < h.event_sequence AND e.fanned_out_at IS NULL
                 AND e.occurred_at > $4::timestamptz AT TIME ZONE 'UTC') AS blocked
       FROM (SELECT DISTINCT ON (todo_id) ${columns}, todo_id, event_sequence, next_attempt_at, lease_until
               FROM deliveries
              WHERE webhook_id = $1 AND ${PENDING} AND todo_id IS NOT NULL
              ORDER BY todo_id, event_sequence) h
      WHERE h.next_attempt_at <= $2::timestamptz AT TIME ZONE 'UTC' AND ${UNLEASED}
     UNION ALL
     SELECT ${columns}, todo_id, event_sequence, next_attempt_at, lease_until, false AS blocked FROM deliveries
      WHERE webhook_id = $1 AND ${PENDING} AND todo_id IS NULL AND next_attempt_at <= $2::timestamptz AT TIME ZONE 'UTC'
        AND ${UNLEASED}
      ORDER BY next_attempt_at LIMIT $3`,
    [webhookId, iso(now), limit, iso(now - FAN_OUT_GIVE_UP_MS)],
  );
  return rows;
}

/**
 * Lease the offered deliveries that are still due and free, skipping any another transaction holds
 * (a delivery whose attempt is being recorded: waiting for it with the lane locked could deadlock).
 * They are locked by primary key first and checked after: with the status test next to the ids,
 * statistics from a quiet spell (nothing waiting) let the planner read every waiting delivery
 * through the partial index of waiting ones instead (105 ms for 20 offered among 90,000 waiting).
 */
export const CLAIM_STATEMENT = `WITH offered AS MATERIALIZED (
    SELECT id, status, next_attempt_at, lease_until FROM deliveries
     WHERE id = ANY($1::text[]) FOR UPDATE SKIP LOCKED
  )
  UPDATE deliveries d SET lease_until = v.lease AT TIME ZONE 'UTC', next_attempt_at = v.start AT TIME ZONE 'UTC',
         updated_at = now() AT TIME ZONE 'UTC'
    FROM unnest($1::text[], $2::timestamptz[], $3::timestamptz[]) AS v(id, lease, start), offered o
   WHERE o.id = v.id AND d.id = o.id AND o.status IN ('PENDING', 'RETRYING')
     AND o.next_attempt_at <= $4::timestamptz AT TIME ZONE 'UTC'
     AND (o.lease_until IS NULL OR o.lease_until <= $4::timestamptz AT TIME ZONE 'UTC')
  RETURNING d.id`;

/**
 * One pump of a webhook's lane, by the run started for `generation`: claim the attempts that may
 * start now and say when the lane needs its next pump (null: nothing waits). The claimed attempts
 * are leased (an attempt not recorded by the lease's end is taken as lost and made again), and
 * the caller starts them once this returns.
 */
export async function pumpLane(webhookId: string, generation: string, now = Date.now()): Promise<PumpResult> {
  // Slots of this process the pump holds for what it offers, from the moment it counts what is in
  // flight: counted first and taken only when the attempts start, they were free meanwhile (the
  // claim's round trips), and a fan-out's inline attempts could take them — the receiver then
  // held more than the webhook's width (found by the model-based test). The claimed attempts
  // keep theirs (launchAttempts); the rest are given back after the claim, or all on a failure.
  let held = 0;
  return sqlTransaction(async (client) => {
    const lane = (
      await client.query<LaneRow>(
        `SELECT generation::text AS generation, paused_until AT TIME ZONE 'UTC' AS "pausedUntil",
                next_slot_at AT TIME ZONE 'UTC' AS "nextSlotAt"
           FROM delivery_lanes WHERE webhook_id = $1 FOR UPDATE`,
        [webhookId],
      )
    ).rows[0];
    if (!lane || lane.generation !== generation) return { claimed: [], wake: null, superseded: true };
    const webhook = (
      await client.query<WebhookRow>(
        `SELECT enabled, url, max_concurrency AS "maxConcurrency", max_per_second AS "maxPerSecond",
                ordered_delivery AS ordered, secret_encrypted AS "secretEncrypted",
                previous_secret_encrypted AS "previousSecretEncrypted",
                previous_secret_expires_at AT TIME ZONE 'UTC' AS "previousSecretExpiresAt"
           FROM webhooks WHERE id = $1`,
        [webhookId],
      )
    ).rows[0];
    const at = iso(now);
    if (!webhook.enabled) await skipWaitingDeliveries(client, [webhookId], now);
    // Held retries (leased to a process, due later) are not in flight until they are about to start.
    const { rows: flight } = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM deliveries
        WHERE webhook_id = $1 AND ${PENDING} AND lease_until > $2::timestamptz AT TIME ZONE 'UTC'
          AND next_attempt_at <= $3::timestamptz AT TIME ZONE 'UTC'`,
      [webhookId, at, iso(now + RATE_LOOKAHEAD_MS)],
    );
    const pausedUntil = lane.pausedUntil && lane.pausedUntil.getTime() > now ? lane.pausedUntil.getTime() : null;
    // In flight: the leases in the database, or this process's own attempts if it knows of more
    // (an inline attempt of a fan-out that has not committed yet has no lease so far).
    const free = () => Math.max(0, webhook.maxConcurrency - Math.max(flight[0].n, attemptsInFlightHere(webhookId)));
    // A secret that cannot be decrypted (a changed WEBHOOK_SECRET_KEY, a damaged row) stops this
    // lane only: nothing is claimed and no pump is dated (a failing run would be retried by
    // Inngest, call slots and all); the deliveries wait, and the relay looks again.
    const secrets = webhook.enabled ? readableSecrets(webhookId, webhook) : [];
    const open = webhook.enabled && !pausedUntil && secrets !== null;
    const candidates = webhook.enabled
      ? await dueCandidates(client, webhookId, webhook.ordered, now, (open ? free() : 0) + 1)
      : [];
    const ready = candidates.filter((c) => !c.blocked);
    const blocked = candidates.length > ready.length;

    // Counted again after the read, and held at once (nothing awaited in between).
    const capacity = open ? free() : 0;
    const fits = Math.min(capacity, ready.length);
    let take = fits;
    let slot = now;
    let nextSlotAt: number | null = lane.nextSlotAt?.getTime() ?? null;
    const spacing = webhook.maxPerSecond ? 1000 / webhook.maxPerSecond : 0;
    if (spacing > 0) {
      slot = Math.max(now, nextSlotAt ?? now);
      take = Math.min(fits, Math.max(0, Math.floor((now + RATE_LOOKAHEAD_MS - slot) / spacing) + 1));
      nextSlotAt = slot + take * spacing;
    }
    const timeout = deliveryTimeoutMs();
    const offered = ready.slice(0, take).map((c, i) => {
      const startAt = spacing > 0 ? slot + i * spacing : now;
      return { c, startAt, lease: startAt + timeout + LEASE_MARGIN_MS };
    });
    takeSlot(webhookId, offered.length);
    held = offered.length;
    let chosen = offered;
    if (offered.length > 0) {
      // Claim only what is still due and free (CLAIM_STATEMENT): one being recorded now is left to
      // its record.
      const { rows: claimed } = await client.query<{ id: string }>(CLAIM_STATEMENT, [
        offered.map(({ c }) => c.id),
        offered.map(({ lease }) => iso(lease)),
        offered.map(({ startAt }) => iso(startAt)),
        at,
      ]);
      const ids = new Set(claimed.map((r) => r.id));
      chosen = offered.filter(({ c }) => ids.has(c.id));
      releaseSlot(webhookId, offered.length - chosen.length);
      held = chosen.length;
    }
    const remaining = ready.length > take;
    const { rows: upcoming } = await client.query<{ at: Date | null; waiting: boolean }>(
      `SELECT min(next_attempt_at) FILTER (WHERE next_attempt_at > $2::timestamptz AT TIME ZONE 'UTC'
                                                AND lease_until IS NULL) AT TIME ZONE 'UTC' AS at,
              bool_or(next_attempt_at <= $2::timestamptz AT TIME ZONE 'UTC' AND ${UNLEASED}) AS waiting
         FROM deliveries WHERE webhook_id = $1 AND ${PENDING}`,
      [webhookId, at],
    );
    const times: number[] = [];
    const upcomingAt = upcoming[0].at?.getTime();
    if (upcomingAt !== undefined) times.push(upcomingAt);
    // Work left because of the rate: pump again when the next slots come into view.
    if (remaining && take < fits && nextSlotAt !== null) times.push(nextSlotAt - RATE_LOOKAHEAD_MS);
    if (blocked) times.push(now + FAN_OUT_POLL_MS);
    // A full lane is woken by its next finished attempt; this is the backstop should that wake-up
    // be missed (a pump and a finishing attempt racing), far cheaper than waiting for the relay.
    if (upcoming[0].waiting === true && pausedUntil === null && webhook.enabled) times.push(now + FULL_LANE_POLL_MS);
    let next = times.length > 0 && secrets !== null ? Math.min(...times) : null;
    if (pausedUntil !== null && (remaining || next !== null)) next = Math.max(next ?? pausedUntil, pausedUntil);
    // Due work left behind (no free slot, or an earlier event of its record still in flight):
    // a finished attempt wakes the lane (see recordAttempts).
    const saturated = upcoming[0].waiting === true && pausedUntil === null && webhook.enabled;
    // The next pump is a new run (a new generation), dated for its time.
    const { rows: updated } = await client.query<{ generation: string }>(
      `UPDATE delivery_lanes SET wake_at = $2::timestamptz AT TIME ZONE 'UTC', saturated = $3,
              next_slot_at = $4::timestamptz AT TIME ZONE 'UTC', updated_at = now() AT TIME ZONE 'UTC',
              generation = generation + CASE WHEN $2::timestamptz IS NULL THEN 0 ELSE 1 END
        WHERE webhook_id = $1 RETURNING generation::text AS generation`,
      [webhookId, next === null ? null : iso(next), saturated, nextSlotAt === null ? null : iso(nextSlotAt)],
    );
    const wake = next === null ? null : { webhookId, generation: updated[0].generation, at: new Date(next) };
    const claimed: Claimed[] = chosen.map(({ c, startAt }) => ({
      delivery: {
        id: c.id,
        webhookId,
        messageId: c.messageId,
        body: c.body,
        eventType: c.eventType,
        url: webhook.url,
        kind: c.kind,
        chainLast: c.chainLast,
      },
      secrets: secrets ?? [],
      number: c.attemptCount + 1,
      trigger: triggerOf(c),
      startAt,
      spacingMs: spacing,
      slotHeld: true as const,
    }));
    return { claimed, wake };
  }).catch((error) => {
    releaseSlot(webhookId, held);
    throw error;
  });
}

/** The webhook's signing secrets, or null (logged) when they cannot be decrypted. */
function readableSecrets(webhookId: string, webhook: Parameters<typeof signingSecrets>[0]): string[] | null {
  try {
    return signingSecrets(webhook);
  } catch (error) {
    logger.error({ err: error, webhookId }, "webhook secret unreadable; its lane waits");
    return null;
  }
}

function triggerOf(c: Pick<Candidate, "attemptCount" | "chainLast" | "chainTrigger">): AttemptTrigger {
  if (c.chainTrigger === "manual" || c.chainTrigger === "replay") return c.chainTrigger;
  return c.attemptCount === 0 ? "auto" : "retry";
}
