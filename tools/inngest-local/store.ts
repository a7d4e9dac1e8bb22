// Runs, steps and the work queue in PostgreSQL.
//
// Delivery is at-least-once: a call item is leased (lease_token + lease_until, FOR UPDATE SKIP
// LOCKED), the app is called, and the result is applied in one transaction that deletes the
// item only if this lease still owns it. A server that dies mid-call leaves a lease that
// expires, so the item is retried; the app may then see the same step call twice.
//
// Lock order is always run row → queue rows, which keeps concurrent applies deadlock-free.
import type pg from "pg";
import type { Logger } from "pino";
import type { Database } from "./db";
import { DISCOVERY, type RunState, type RunStatus, type StepStatus, type Transition, type WorkItem } from "./executor";
import { ingestEvents } from "./ingest";
import {
  type EventPayload,
  FUNCTION_FAILED_EVENT,
  type FunctionConfig,
  type MemoValue,
  type SerializedError,
} from "./protocol";

/** Bookkeeping that at-least-once execution may lose in a database crash (Database.relaxed). */
const RELAXED = { durable: false };

export type LeasedCall = { id: string; runId: string; appId: string; stepId: string; attempt: number; token: string };

export type CallContext = {
  runId: string;
  functionId: string;
  event: EventPayload;
  state: RunState;
  version: number | null;
  memo: Record<string, MemoValue>;
  /** Null when the function is no longer registered. */
  config: FunctionConfig | null;
};

type RunRow = {
  id: string;
  function_id: string;
  app_id: string;
  event: EventPayload;
  status: RunStatus;
  max_attempts: number;
  version: number | null;
  disable_immediate: boolean;
  pending: string[];
  stack: string[];
  concurrency_keys: string[];
  concurrency_limits: number[];
  created_at: Date;
};

const TERMINAL: RunStatus[] = ["Completed", "Failed", "Cancelled"];
export const WAKE_BATCH = 100;
export const RUN_STATUSES: RunStatus[] = ["Queued", "Running", "Completed", "Failed", "Cancelled"];

function toState(row: RunRow): RunState {
  return {
    maxAttempts: row.max_attempts,
    pending: row.pending,
    stack: row.stack,
    disableImmediate: row.disable_immediate,
  };
}

const json = (value: unknown) => JSON.stringify(value ?? null);

export type ApplyMeta = { now: number; version?: number; httpStatus?: number; durationMs?: number };
/** When the earliest work this result enqueued is due, so the dispatcher can wake then. */
export type ApplyResult = { nextDueAt?: number };

export type RunListFilter = { status?: RunStatus; functionId?: string; limit: number };

export type RunSummary = {
  id: string;
  functionId: string;
  status: RunStatus;
  eventName: string;
  eventId: string;
  createdAt: string;
  startedAt: string | null;
  endedAt: string | null;
  output: unknown;
  error: SerializedError | null;
};

export type RunDetail = RunSummary & {
  appId: string;
  event: EventPayload;
  attemptsAllowed: number;
  steps: {
    id: string;
    name: string | null;
    op: string | null;
    status: StepStatus;
    attempts: number;
    output: unknown;
    /** The most recent error, kept after a later attempt succeeded. */
    lastError: SerializedError | null;
    wakeAt: string | null;
    updatedAt: string;
  }[];
  history: {
    at: string;
    stepId: string;
    attempt: number;
    httpStatus: number | null;
    durationMs: number | null;
    summary: string;
  }[];
};

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Queued items a lease looks at, so that every partition with due work gets considered. */
const FAIR_CANDIDATES = 200;

type Partitioned = { function_id: string; first_key: string };

export class RunStore {
  /** When each function, and each function's key, was last given a call (a turn counter). */
  private readonly served = new Map<string, number>();
  private turns = 0;

  /** Does `a` go before `b`: its function, then its key, waited longer since its last turn? */
  private servedBefore(a: Partitioned, b: Partitioned): boolean {
    const fa = this.served.get(a.function_id) ?? 0;
    const fb = this.served.get(b.function_id) ?? 0;
    if (fa !== fb) return fa < fb;
    const ka = this.served.get(`${a.function_id}\n${a.first_key}`) ?? 0;
    const kb = this.served.get(`${b.function_id}\n${b.first_key}`) ?? 0;
    return ka < kb;
  }

  constructor(
    private readonly db: Database,
    private readonly logger: Logger,
  ) {}

  private get t() {
    return this.db.t;
  }

  /**
   * Leases up to `free` due calls of one app. Items whose concurrency key is already at its
   * limit (counting calls in flight on any server) are skipped, not waited for. The advisory
   * lock serialises leasing across servers so two of them cannot both fill the last slot.
   */
  async leaseCalls(appId: string, free: number, now: number, leaseMs: number): Promise<LeasedCall[]> {
    if (free <= 0) return [];
    const leased = await this.lease(appId, free, now, leaseMs);
    // Only a run's very first call can find it Queued. Done after the lease commits, so the
    // lease transaction never waits on a run row (which would break the run → queue lock order).
    const starting = leased.filter((item) => item.stepId === DISCOVERY && item.attempt === 0).map((item) => item.runId);
    if (starting.length > 0) {
      await this.db.relaxed.query(
        `UPDATE ${this.t.runs} SET status = 'Running', started_at = $2 WHERE id = ANY($1) AND status = 'Queued'`,
        [starting, new Date(now)],
      );
    }
    return leased;
  }

  private async lease(appId: string, free: number, now: number, leaseMs: number): Promise<LeasedCall[]> {
    return this.db.tx(async (c) => {
      await c.query("SELECT pg_advisory_xact_lock(hashtext($1))", [`inngest-local:lease:${this.db.schema}`]);
      const at = new Date(now);
      // The keys in use now, from the leased items only (at most maxInFlight per app): a key at
      // its limit excludes its queued items in the candidate query below with one array overlap,
      // instead of a count per queued item — which made a lease cost grow with the backlog.
      const busy = await c.query<{ key: string; lim: number; n: number }>(
        `SELECT k.key, min(k.lim)::int AS lim, count(*)::int AS n
           FROM ${this.t.queue} f, unnest(f.concurrency_keys, f.concurrency_limits) AS k(key, lim)
          WHERE f.lease_until >= $1 GROUP BY k.key`,
        [at],
      );
      const inFlight = new Map(busy.rows.map((r) => [r.key, r.n]));
      const full = busy.rows.filter((r) => r.n >= r.lim).map((r) => r.key);
      const candidates = await c.query<{
        id: string;
        run_id: string;
        step_id: string;
        attempt: number;
        concurrency_keys: string[];
        concurrency_limits: number[];
        function_id: string;
        first_key: string;
      }>(
        // Fair like Inngest's queue: functions take turns, and within a function its concurrency
        // keys take turns (oldest first within each), so a backlog of one function or one key
        // (a flood of one webhook's lane runs) never holds back the others. The query offers each
        // partition's oldest items first; which partition goes next is decided below by who was
        // served least recently. No row locks: the advisory lock above already makes this server
        // the only one leasing.
        `WITH due AS (
           SELECT q.id, q.run_id, q.step_id, q.attempt, q.concurrency_keys, q.concurrency_limits, q.priority_at,
                  r.function_id, COALESCE(q.concurrency_keys[1], '') AS first_key
             FROM ${this.t.queue} q JOIN ${this.t.runs} r ON r.id = q.run_id
            WHERE q.kind = 'call' AND q.app_id = $1 AND q.due_at <= $2 AND (q.lease_until IS NULL OR q.lease_until < $2)
              AND NOT (q.concurrency_keys && $4::text[])),
         by_key AS (
           SELECT *, row_number() OVER (PARTITION BY function_id, first_key ORDER BY priority_at, id) AS turn_in_key
             FROM due),
         by_function AS (
           SELECT *, row_number() OVER (PARTITION BY function_id ORDER BY turn_in_key, priority_at, id) AS turn
             FROM by_key)
         SELECT id, run_id, step_id, attempt, concurrency_keys, concurrency_limits, function_id, first_key
           FROM by_function ORDER BY turn, priority_at, id
          LIMIT $3`,
        [appId, at, Math.max(free * 4, FAIR_CANDIDATES), full],
      );
      const picked = [];
      const left = [...candidates.rows];
      while (picked.length < free && left.length > 0) {
        // The function served least recently, then its key served least recently, then the oldest.
        let best = -1;
        for (let i = 0; i < left.length; i++) {
          const row = left[i];
          if (!row.concurrency_keys.every((key, k) => (inFlight.get(key) ?? 0) < row.concurrency_limits[k])) continue;
          if (best < 0 || this.servedBefore(row, left[best])) best = i;
        }
        if (best < 0) break;
        const [row] = left.splice(best, 1);
        for (const key of row.concurrency_keys) inFlight.set(key, (inFlight.get(key) ?? 0) + 1);
        if (this.served.size > 100_000) this.served.clear();
        this.served.set(row.function_id, ++this.turns);
        this.served.set(`${row.function_id}\n${row.first_key}`, this.turns);
        picked.push(row);
      }
      if (picked.length === 0) return [];
      const leased = await c.query<{ id: string; lease_token: string }>(
        `UPDATE ${this.t.queue} SET lease_token = gen_random_uuid(), lease_until = $2
         WHERE id = ANY($1) RETURNING id, lease_token`,
        [picked.map((r) => r.id), new Date(now + leaseMs)],
      );
      const tokens = new Map(leased.rows.map((r) => [r.id, r.lease_token]));
      return picked.map((r) => ({
        id: r.id,
        runId: r.run_id,
        appId,
        stepId: r.step_id,
        attempt: r.attempt,
        token: tokens.get(r.id) ?? "",
      }));
    }, RELAXED);
  }

  /** Keeps leases of calls still in flight alive, so only a dead server's leases expire. */
  async renewLeases(tokens: string[], until: number): Promise<void> {
    if (tokens.length === 0) return;
    await this.db.relaxed.query(`UPDATE ${this.t.queue} SET lease_until = $2 WHERE lease_token = ANY($1::uuid[])`, [
      tokens,
      new Date(until),
    ]);
  }

  /** Gives leased items back immediately (on shutdown) instead of waiting for expiry. */
  async releaseLeases(tokens: string[]): Promise<void> {
    if (tokens.length === 0) return;
    await this.db.relaxed.query(
      `UPDATE ${this.t.queue} SET lease_token = NULL, lease_until = NULL WHERE lease_token = ANY($1::uuid[])`,
      [tokens],
    );
  }

  /** Everything needed to build the call. */
  async loadCall(item: LeasedCall): Promise<CallContext | undefined> {
    const { rows } = await this.db.pool.query<
      RunRow & { config: FunctionConfig | null; memo: Record<string, MemoValue> }
    >(
      `SELECT r.*, f.config,
         (SELECT coalesce(jsonb_object_agg(s.id, s.memo), '{}'::jsonb) FROM ${this.t.steps} s
          WHERE s.run_id = r.id AND s.memo IS NOT NULL) AS memo
       FROM ${this.t.runs} r LEFT JOIN ${this.t.functions} f ON f.id = r.function_id
       WHERE r.id = $1`,
      [item.runId],
    );
    const row = rows[0];
    if (!row || TERMINAL.includes(row.status)) return undefined;
    return {
      runId: row.id,
      functionId: row.function_id,
      event: row.event,
      state: toState(row),
      version: row.version,
      memo: row.memo,
      config: row.config,
    };
  }

  /** Drops an item whose run no longer needs it (finished or cancelled meanwhile). */
  async dropCall(item: LeasedCall): Promise<void> {
    await this.db.relaxed.query(`DELETE FROM ${this.t.queue} WHERE id = $1 AND lease_token = $2`, [
      item.id,
      item.token,
    ]);
  }

  /**
   * Applies the result of a call. `plan` runs with the run row locked, so parallel step results
   * of one run are applied one after the other. The result is dropped when the lease was lost
   * (another server took the item over) or the run has finished meanwhile.
   */
  async applyCall(item: LeasedCall, plan: (state: RunState) => Transition, meta: ApplyMeta): Promise<ApplyResult> {
    return this.db.tx(async (c) => {
      const run = await this.lockRun(c, item.runId);
      const deleted = await c.query(`DELETE FROM ${this.t.queue} WHERE id = $1 AND lease_token = $2`, [
        item.id,
        item.token,
      ]);
      if (!run || TERMINAL.includes(run.status)) return {};
      if (deleted.rowCount === 0) {
        this.logger.warn(
          { runId: item.runId, stepId: item.stepId },
          "lease lost before the result was applied; result dropped",
        );
        return {};
      }
      const transition = plan(toState(run));
      return this.persist(c, run, { kind: "call", stepId: item.stepId, attempt: item.attempt }, transition, meta);
    }, RELAXED);
  }

  /**
   * Resolves up to WAKE_BATCH due sleeps and returns how many were due. Each wake-up is its own
   * transaction; another server may take some of them.
   */
  async processDueWakes(now: number, plan: (state: RunState, item: WorkItem) => Transition): Promise<number> {
    const due = await this.db.pool.query<{ id: string; run_id: string; step_id: string }>(
      `SELECT id, run_id, step_id FROM ${this.t.queue} WHERE kind = 'wake' AND due_at <= $1 ORDER BY due_at LIMIT $2`,
      [new Date(now), WAKE_BATCH],
    );
    for (const wake of due.rows) {
      await this.db.tx(async (c) => {
        const run = await this.lockRun(c, wake.run_id);
        const deleted = await c.query(`DELETE FROM ${this.t.queue} WHERE id = $1`, [wake.id]);
        if (deleted.rowCount === 0 || !run || TERMINAL.includes(run.status)) return;
        const item: WorkItem = { kind: "wake", stepId: wake.step_id, attempt: 0 };
        await this.persist(c, run, item, plan(toState(run), item), { now });
      }, RELAXED);
    }
    return due.rows.length;
  }

  /** The earliest due time of unleased work (may be in the past when work is blocked). */
  async nextDueAt(now: number): Promise<number | null> {
    const { rows } = await this.db.pool.query<{ at: Date | null }>(
      `SELECT min(due_at) AS at FROM ${this.t.queue} WHERE lease_until IS NULL OR lease_until < $1`,
      [new Date(now)],
    );
    return rows[0]?.at ? rows[0].at.getTime() : null;
  }

  async appIds(): Promise<string[]> {
    const { rows } = await this.db.pool.query<{ id: string }>(`SELECT id FROM ${this.t.apps} ORDER BY id`);
    return rows.map((r) => r.id);
  }

  private async lockRun(c: pg.PoolClient, runId: string): Promise<RunRow | undefined> {
    const { rows } = await c.query<RunRow>(`SELECT * FROM ${this.t.runs} WHERE id = $1 FOR UPDATE`, [runId]);
    return rows[0];
  }

  private async persist(
    c: pg.PoolClient,
    run: RunRow,
    item: WorkItem,
    t: Transition,
    meta: ApplyMeta,
  ): Promise<ApplyResult> {
    const at = new Date(meta.now);
    for (const step of t.steps) {
      await c.query(
        `INSERT INTO ${this.t.steps} AS s (run_id, id, name, op, status, attempts, memo, error, wake_at, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10)
         ON CONFLICT (run_id, id) DO UPDATE SET
           name = coalesce(EXCLUDED.name, s.name),
           op = coalesce(EXCLUDED.op, s.op),
           status = EXCLUDED.status,
           attempts = s.attempts + EXCLUDED.attempts,
           memo = coalesce(s.memo, EXCLUDED.memo),
           error = coalesce(EXCLUDED.error, s.error),
           wake_at = coalesce(EXCLUDED.wake_at, s.wake_at),
           updated_at = EXCLUDED.updated_at`,
        [
          run.id,
          step.id,
          step.name ?? null,
          step.op ?? null,
          step.status,
          step.executed ? 1 : 0,
          step.memo ? json(step.memo) : null,
          step.error ? json(step.error) : null,
          step.wakeAt ? new Date(step.wakeAt) : null,
          at,
        ],
      );
    }
    await c.query(
      `INSERT INTO ${this.t.history} (run_id, at, step_id, attempt, http_status, duration_ms, summary)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        run.id,
        at,
        item.stepId,
        item.attempt,
        meta.httpStatus ?? null,
        meta.durationMs ?? null,
        t.summary.slice(0, 2_000),
      ],
    );
    const finish = t.finish;
    await c.query(
      `UPDATE ${this.t.runs} SET pending = $2, stack = $3, disable_immediate = $4, version = coalesce($5, version),
         status = coalesce($6, status), output = coalesce($7, output), error = coalesce($8, error),
         ended_at = CASE WHEN $6::text IS NULL THEN ended_at ELSE $9 END
       WHERE id = $1`,
      [
        run.id,
        t.pending,
        t.stack,
        t.disableImmediate,
        meta.version ?? null,
        finish?.status ?? null,
        finish?.status === "Completed" ? json(finish.output) : null,
        finish?.status === "Failed" ? json(finish.error) : null,
        at,
      ],
    );
    if (finish) {
      await c.query(`DELETE FROM ${this.t.queue} WHERE run_id = $1`, [run.id]);
      if (finish.status === "Failed") {
        this.logger.warn({ runId: run.id, functionId: run.function_id, error: finish.error.message }, "run failed");
      } else {
        this.logger.info({ runId: run.id, functionId: run.function_id }, "run completed");
      }
      if (finish.status === "Failed" && run.event.name !== FUNCTION_FAILED_EVENT) {
        // What onFailure handlers (`<fn>-failure`) and global failure listeners trigger on.
        const failed = await ingestEvents(
          this.db,
          c,
          [
            {
              name: FUNCTION_FAILED_EVENT,
              data: { function_id: run.function_id, run_id: run.id, error: finish.error, event: run.event },
            },
          ],
          { now: meta.now, logger: this.logger },
        );
        if (failed.runIds.length > 0) return { nextDueAt: meta.now };
      }
      return {};
    }
    for (const e of t.enqueue) {
      const isCall = e.kind === "call";
      await c.query(
        `INSERT INTO ${this.t.queue}
           (run_id, app_id, kind, step_id, attempt, due_at, priority_at, concurrency_keys, concurrency_limits)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         ON CONFLICT (run_id, step_id) DO NOTHING`,
        [
          run.id,
          run.app_id,
          e.kind,
          e.stepId,
          e.attempt,
          new Date(e.dueAt),
          run.created_at,
          isCall ? run.concurrency_keys : [],
          isCall ? run.concurrency_limits : [],
        ],
      );
    }
    const dueTimes = t.enqueue.map((e) => e.dueAt);
    return { nextDueAt: dueTimes.length > 0 ? Math.min(...dueTimes) : undefined };
  }

  async listRuns(filter: RunListFilter): Promise<RunSummary[]> {
    const { rows } = await this.db.pool.query(
      `SELECT id, function_id, status, event->>'name' AS event_name, event_id, created_at, started_at, ended_at, output, error
       FROM ${this.t.runs}
       WHERE ($1::text IS NULL OR status = $1) AND ($2::text IS NULL OR function_id = $2)
       ORDER BY created_at DESC, id DESC
       LIMIT $3`,
      [filter.status ?? null, filter.functionId ?? null, filter.limit],
    );
    return rows.map(summaryOf);
  }

  async getRun(id: string): Promise<RunDetail | undefined> {
    const run = await this.db.pool.query(`SELECT *, event->>'name' AS event_name FROM ${this.t.runs} WHERE id = $1`, [
      id,
    ]);
    const row = run.rows[0];
    if (!row) return undefined;
    const [steps, history] = await Promise.all([
      this.db.pool.query(`SELECT * FROM ${this.t.steps} WHERE run_id = $1 ORDER BY created_at, id`, [id]),
      this.db.pool.query(`SELECT * FROM ${this.t.history} WHERE run_id = $1 ORDER BY id`, [id]),
    ]);
    return {
      ...summaryOf(row),
      appId: row.app_id,
      event: row.event,
      attemptsAllowed: row.max_attempts,
      steps: steps.rows.map((s) => ({
        id: s.id,
        name: s.name,
        op: s.op,
        status: s.status,
        attempts: s.attempts,
        output: s.memo && "data" in s.memo ? s.memo.data : null,
        lastError: s.error,
        wakeAt: iso(s.wake_at),
        updatedAt: s.updated_at.toISOString(),
      })),
      history: history.rows.map((h) => ({
        at: h.at.toISOString(),
        stepId: h.step_id,
        attempt: h.attempt,
        httpStatus: h.http_status,
        durationMs: h.duration_ms,
        summary: h.summary,
      })),
    };
  }

  /** Cancels a run that has not finished; calls already in flight finish but their results are dropped. */
  async cancelRun(id: string, now: number): Promise<RunStatus | undefined> {
    return this.db.tx(async (c) => {
      const run = await this.lockRun(c, id);
      if (!run) return undefined;
      if (TERMINAL.includes(run.status)) return run.status;
      await c.query(`UPDATE ${this.t.runs} SET status = 'Cancelled', ended_at = $2, pending = '{}' WHERE id = $1`, [
        id,
        new Date(now),
      ]);
      await c.query(`DELETE FROM ${this.t.queue} WHERE run_id = $1`, [id]);
      return "Cancelled";
    });
  }
}

// biome-ignore lint/suspicious/noExplicitAny: rows come straight from pg
function summaryOf(row: any): RunSummary {
  return {
    id: row.id,
    functionId: row.function_id,
    status: row.status,
    eventName: row.event_name,
    eventId: row.event_id,
    createdAt: row.created_at.toISOString(),
    startedAt: iso(row.started_at),
    endedAt: iso(row.ended_at),
    output: row.output,
    error: row.error,
  };
}
