// The work loop. It leases due calls only while an app has free slots (maxInFlight per app),
// runs them on the app's keep-alive pool, applies each result in one transaction and then
// immediately leases again, so a busy server moves from call to call without timers. One timer
// remains: for the next due item (a retry, a sleep, a cron) or a poll that notices work another
// server enqueued and leases a dead server let expire.
import type { Logger } from "pino";
import type { AppClient } from "./app-client";
import { backoffDelayMs } from "./backoff";
import type { Database } from "./db";
import { type CallOutcome, interpretResponse, planCall, planWake, transportFailure } from "./executor";
import { type CallRequestBody, HEADER, localError } from "./protocol";
import { fireDueCrons, nextCronAt } from "./registry";
import { type CallContext, type LeasedCall, type RunStore, WAKE_BATCH } from "./store";

export type DispatcherOptions = {
  maxInFlight: number;
  backoffScale: number;
  /** How long a lease lasts without renewal; a dead server's calls are retried after this. */
  leaseMs: number;
  pollIntervalMs: number;
};

type InFlight = { item: LeasedCall; controller: AbortController; done: Promise<void> };

function buildBody(ctx: CallContext, item: LeasedCall): CallRequestBody {
  return {
    event: ctx.event,
    events: [ctx.event],
    steps: ctx.memo,
    version: ctx.version ?? -1,
    ctx: {
      run_id: ctx.runId,
      attempt: item.attempt,
      max_attempts: ctx.state.maxAttempts,
      disable_immediate_execution: ctx.state.disableImmediate,
      use_api: false,
      stack: { stack: ctx.state.stack, current: ctx.state.stack.length },
    },
  };
}

export class Dispatcher {
  private readonly inFlight = new Map<string, Map<string, InFlight>>();
  private timer: NodeJS.Timeout | undefined;
  private timerAt = Number.POSITIVE_INFINITY;
  private renewTimer: NodeJS.Timeout | undefined;
  private pumping: Promise<void> | undefined;
  private pumpAgain = false;
  private fullPassWanted = false;
  /** Registered apps, refreshed on every full pass. */
  private appIds: string[] = [];
  private stopping = false;
  /** Next cron slot as last read; undefined forces a re-read (after a sync). */
  private cronDueAt: number | null | undefined;

  constructor(
    private readonly db: Database,
    private readonly store: RunStore,
    private readonly client: AppClient,
    private readonly logger: Logger,
    private readonly options: DispatcherOptions,
  ) {}

  start(): void {
    this.renewTimer = setInterval(() => this.renewLeases(), Math.max(100, Math.floor(this.options.leaseMs / 3)));
    this.kick(true);
  }

  /** Work is due at `at` (default now): wake the loop then. */
  wake(at: number = Date.now()): void {
    if (this.stopping) return;
    if (at <= Date.now()) this.kick();
    else this.armTimer(at);
  }

  /** Function set changed: re-read cron schedules on the next pass. */
  appsChanged(): void {
    this.cronDueAt = undefined;
    this.kick(true);
  }

  /**
   * Runs a pass now, or right after the current one. A full pass also resolves due sleeps,
   * fires crons, refreshes the app list and re-arms the timer; the light pass that follows a
   * finished call or new work only leases calls, which keeps the per-call overhead small.
   */
  private kick(full = false): void {
    if (this.stopping) return;
    if (full) this.fullPassWanted = true;
    if (this.pumping) {
      this.pumpAgain = true;
      return;
    }
    this.pumping = this.pumpLoop().finally(() => {
      this.pumping = undefined;
    });
  }

  private async pumpLoop(): Promise<void> {
    do {
      this.pumpAgain = false;
      const full = this.fullPassWanted;
      this.fullPassWanted = false;
      try {
        await this.pass(full);
      } catch (error) {
        // Typically the database being unreachable: keep polling instead of dying.
        this.logger.error({ err: error }, "dispatcher pass failed");
        this.armTimer(Date.now() + this.options.pollIntervalMs);
        return;
      }
    } while (this.pumpAgain && !this.stopping);
  }

  private async pass(full: boolean): Promise<void> {
    const now = Date.now();
    let wakes = 0;
    if (full) {
      wakes = await this.store.processDueWakes(now, (state, item) => planWake(state, item, Date.now()));
      if (this.cronDueAt === undefined || (this.cronDueAt !== null && this.cronDueAt <= now)) {
        const fired = await fireDueCrons(this.db, now, this.logger);
        if (fired > 0) this.logger.debug({ fired }, "cron runs started");
        this.cronDueAt = await nextCronAt(this.db);
      }
      this.appIds = await this.store.appIds();
    }
    for (const appId of this.appIds) {
      while (!this.stopping) {
        const free = this.options.maxInFlight - (this.inFlight.get(appId)?.size ?? 0);
        if (free <= 0) break;
        const leased = await this.store.leaseCalls(appId, free, Date.now(), this.options.leaseMs);
        for (const item of leased) this.launch(item);
        if (leased.length < free) break;
      }
    }
    if (!full || this.stopping) return;
    const after = Date.now();
    const candidates = [after + this.options.pollIntervalMs];
    const nextDue = await this.store.nextDueAt(after);
    // Work that was already due when this pass began and is still queued is blocked (its app is
    // full or its concurrency key is taken): a finishing call kicks the loop, so only the poll
    // covers it. Work that became due during the pass gets another pass.
    if (nextDue !== null && nextDue > now) candidates.push(nextDue);
    if (this.cronDueAt !== null && this.cronDueAt !== undefined) candidates.push(Math.max(this.cronDueAt, after));
    if (wakes >= WAKE_BATCH) candidates.push(after);
    this.armTimer(Math.min(...candidates));
  }

  private armTimer(at: number): void {
    if (this.stopping || at >= this.timerAt) return;
    if (this.timer) clearTimeout(this.timer);
    this.timerAt = at;
    this.timer = setTimeout(
      () => {
        this.timer = undefined;
        this.timerAt = Number.POSITIVE_INFINITY;
        this.kick(true);
      },
      Math.max(0, at - Date.now()),
    );
  }

  private launch(item: LeasedCall): void {
    let calls = this.inFlight.get(item.appId);
    if (!calls) {
      calls = new Map();
      this.inFlight.set(item.appId, calls);
    }
    const controller = new AbortController();
    const done = this.execute(item, controller.signal)
      .catch((error) => {
        this.logger.error(
          { err: error, runId: item.runId },
          "call result not applied; it is retried when its lease expires",
        );
      })
      .finally(() => {
        calls.delete(item.token);
        this.kick();
      });
    calls.set(item.token, { item, controller, done });
  }

  private async execute(item: LeasedCall, signal: AbortSignal): Promise<void> {
    const ctx = await this.store.loadCall(item);
    if (!ctx) {
      await this.store.dropCall(item);
      return;
    }
    const runtimeUrl = ctx.config ? Object.values(ctx.config.steps)[0]?.runtime.url : undefined;
    let outcome: CallOutcome;
    let httpStatus: number | undefined;
    let version: number | undefined;
    const started = performance.now();
    if (!runtimeUrl) {
      outcome = {
        type: "error",
        retriable: false,
        error: localError(`function "${ctx.functionId}" is not registered any more; was it removed from its app?`),
      };
    } else {
      const url = new URL(runtimeUrl);
      url.searchParams.set("stepId", item.stepId);
      const headers: Record<string, string> = ctx.version === null ? {} : { [HEADER.reqVersion]: String(ctx.version) };
      try {
        const res = await this.client.request("POST", url.href, buildBody(ctx, item), headers, signal);
        httpStatus = res.status;
        const reported = Number(res.header(HEADER.reqVersion));
        if (Number.isInteger(reported) && reported > 0) version = reported;
        outcome = interpretResponse(res, Date.now());
      } catch (error) {
        // Aborted by stop(): leave the item leased; stop() hands the lease back.
        if (signal.aborted) return;
        outcome = transportFailure(url.href, error);
      }
    }
    const durationMs = Math.round(performance.now() - started);
    if (outcome.type === "error") {
      this.logger.debug(
        { runId: item.runId, stepId: item.stepId, attempt: item.attempt, error: outcome.error.message },
        "call failed",
      );
    }
    const result = await this.store.applyCall(
      item,
      (state) =>
        planCall(state, { kind: "call", stepId: item.stepId, attempt: item.attempt }, outcome, {
          now: Date.now(),
          backoffMs: (failedAttempt) => backoffDelayMs(failedAttempt, this.options.backoffScale),
        }),
      { now: Date.now(), version, httpStatus, durationMs },
    );
    if (result.nextDueAt !== undefined) this.wake(result.nextDueAt);
  }

  private renewLeases(): void {
    const tokens = [...this.inFlight.values()].flatMap((calls) => [...calls.keys()]);
    this.store.renewLeases(tokens, Date.now() + this.options.leaseMs).catch((error) => {
      this.logger.error({ err: error }, "could not renew leases");
    });
  }

  /**
   * Stops leasing, waits up to `drainMs` for calls in flight, then aborts the rest and hands
   * their leases back so the next server retries them at once.
   */
  async stop(drainMs: number): Promise<void> {
    this.stopping = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.pumping;
    const all = () => [...this.inFlight.values()].flatMap((calls) => [...calls.values()]);
    let drainTimer: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.all(all().map((c) => c.done)),
      new Promise((resolve) => {
        drainTimer = setTimeout(resolve, drainMs);
      }),
    ]);
    clearTimeout(drainTimer);
    const remaining = all();
    for (const call of remaining) call.controller.abort();
    await Promise.all(remaining.map((c) => c.done));
    if (this.renewTimer) clearInterval(this.renewTimer);
    await this.store.releaseLeases(remaining.map((c) => c.item.token)).catch((error) => {
      this.logger.error({ err: error }, "could not release leases; they expire on their own");
    });
  }
}
