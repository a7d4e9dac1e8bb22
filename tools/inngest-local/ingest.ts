// Event ingest and run creation. Both happen inside the caller's transaction, so an event is
// stored together with the runs it starts (or not at all).
import type { Logger } from "pino";
import type { Database, Queryable } from "./db";
import { DISCOVERY } from "./executor";
import { expressionErrorMessage, expressionMatches } from "./expressions";
import { concurrencySlots, idempotencyKey, maxAttempts } from "./flow-control";
import { eventIdFromSeed, ulid } from "./ids";
import { type EventInput, type EventPayload, type FunctionConfig, isCronTrigger } from "./protocol";

/** How long an event `id` (and a function's idempotency key) suppresses duplicates, as on Inngest. */
export const DEDUPE_WINDOW_MS = 24 * 3_600_000;

export type RegisteredFunction = { id: string; appId: string; config: FunctionConfig };

async function loadFunctions(db: Database, c: Queryable): Promise<RegisteredFunction[]> {
  const { rows } = await c.query<{ id: string; app_id: string; config: FunctionConfig }>(
    `SELECT id, app_id, config FROM ${db.t.functions}`,
  );
  return rows.map((r) => ({ id: r.id, appId: r.app_id, config: r.config }));
}

function nameMatches(pattern: string, name: string): boolean {
  return pattern === name || (pattern.endsWith("/*") && name.startsWith(pattern.slice(0, -1)));
}

function toPayload(input: EventInput, internalId: string, now: number): EventPayload {
  return {
    ...input,
    name: input.name,
    data: input.data ?? {},
    id: input.id ?? internalId,
    ts: input.ts ?? now,
  };
}

function logExpressionError(logger: Logger, functionId: string) {
  return (source: string, error: unknown) =>
    logger.warn({ functionId, expression: source, reason: expressionErrorMessage(error) }, "expression failed");
}

/**
 * Inserts the event. `inserted` is false for a duplicate (same `id` within the window, or a
 * retried SDK send); `id` is then the first event's internal id.
 */
async function storeEvent(
  db: Database,
  c: Queryable,
  payload: EventPayload,
  internalId: string,
  dedupeId: string | null,
  now: number,
) {
  if (dedupeId === null) {
    const { rowCount } = await c.query(
      `INSERT INTO ${db.t.events} (id, name, dedupe_id, payload, received_at) VALUES ($1, $2, NULL, $3, $4)
       ON CONFLICT (id) DO NOTHING`,
      [internalId, payload.name, JSON.stringify(payload), new Date(now)],
    );
    return { inserted: rowCount === 1, id: internalId };
  }
  // An expired duplicate (older than the window) takes the row over, like a fresh event.
  const { rows } = await c.query<{ id: string }>(
    `INSERT INTO ${db.t.events} AS e (id, name, dedupe_id, payload, received_at) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (dedupe_id) DO UPDATE
       SET id = EXCLUDED.id, name = EXCLUDED.name, payload = EXCLUDED.payload, received_at = EXCLUDED.received_at
       WHERE e.received_at < $6
     RETURNING id`,
    [internalId, payload.name, dedupeId, JSON.stringify(payload), new Date(now), new Date(now - DEDUPE_WINDOW_MS)],
  );
  if (rows.length === 1) return { inserted: true, id: internalId };
  const existing = await c.query<{ id: string }>(`SELECT id FROM ${db.t.events} WHERE dedupe_id = $1`, [dedupeId]);
  return { inserted: false, id: existing.rows[0]?.id ?? internalId };
}

export type IngestResult = { ids: string[]; runIds: string[] };

export async function ingestEvents(
  db: Database,
  c: Queryable,
  inputs: EventInput[],
  opts: { now: number; seed?: string; logger: Logger },
): Promise<IngestResult> {
  const result: IngestResult = { ids: [], runIds: [] };
  if (inputs.length === 0) return result;
  const functions = await loadFunctions(db, c);
  for (const [index, input] of inputs.entries()) {
    const internalId = (opts.seed && eventIdFromSeed(opts.seed, index)) || ulid(opts.now);
    const payload = toPayload(input, internalId, opts.now);
    const stored = await storeEvent(db, c, payload, internalId, input.id ?? null, opts.now);
    result.ids.push(stored.id);
    if (!stored.inserted) {
      opts.logger.debug({ eventId: stored.id, name: payload.name }, "duplicate event ignored");
      continue;
    }
    for (const fn of functions) {
      const triggered = fn.config.triggers.some(
        (trigger) =>
          !isCronTrigger(trigger) &&
          nameMatches(trigger.event, payload.name) &&
          expressionMatches(trigger.expression, { event: payload }, logExpressionError(opts.logger, fn.id)),
      );
      if (!triggered) continue;
      const runId = await createRun(db, c, fn, payload, stored.id, opts.now, opts.logger);
      if (runId) result.runIds.push(runId);
    }
  }
  return result;
}

/** Creates a run and its first discovery call. Returns undefined when the idempotency key suppressed it. */
export async function createRun(
  db: Database,
  c: Queryable,
  fn: RegisteredFunction,
  event: EventPayload,
  eventId: string,
  now: number,
  logger: Logger,
): Promise<string | undefined> {
  const runId = ulid(now);
  const onError = logExpressionError(logger, fn.id);
  const key = idempotencyKey(fn.config, event, onError);
  if (key !== undefined) {
    const { rowCount } = await c.query(
      `INSERT INTO ${db.t.idempotency} AS i (function_id, key, run_id, created_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (function_id, key) DO UPDATE SET run_id = EXCLUDED.run_id, created_at = EXCLUDED.created_at
         WHERE i.created_at < $5`,
      [fn.id, key, runId, new Date(now), new Date(now - DEDUPE_WINDOW_MS)],
    );
    if (rowCount === 0) {
      logger.debug({ functionId: fn.id, key }, "run skipped by idempotency key");
      return undefined;
    }
  }
  // An event whose `ts` lies in the future starts its runs then (Inngest's delayed start).
  const startAt = new Date(Math.max(now, event.ts ?? now));
  const slots = concurrencySlots(fn.id, fn.config, event, onError);
  const keys = slots.map((s) => s.key);
  const limits = slots.map((s) => s.limit);
  await c.query(
    `WITH run AS (
       INSERT INTO ${db.t.runs}
         (id, function_id, app_id, event_id, event, status, max_attempts, concurrency_keys, concurrency_limits, created_at)
       VALUES ($1, $2, $3, $4, $5, 'Queued', $6, $7, $8, $9)
       RETURNING id
     )
     INSERT INTO ${db.t.queue} (run_id, app_id, kind, step_id, attempt, due_at, priority_at, concurrency_keys, concurrency_limits)
     SELECT id, $3, 'call', $10, 0, $11, $11, $7, $8 FROM run`,
    [
      runId,
      fn.id,
      fn.appId,
      eventId,
      JSON.stringify(event),
      maxAttempts(fn.config),
      keys,
      limits,
      new Date(now),
      DISCOVERY,
      startAt,
    ],
  );
  logger.debug({ runId, functionId: fn.id, event: event.name, startAt }, "run created");
  return runId;
}
