// The run state machine, kept pure: given a run's state, the work item that was executed and
// what the app answered, decide what to memoise, what to enqueue and whether the run is over.
// The store applies a Transition inside one transaction with the run row locked.
import { retryAfterDelayMs } from "./backoff";
import { sleepUntilMs } from "./duration";
import {
  describeZodError,
  HEADER,
  localError,
  type MemoValue,
  type Op,
  opsSchema,
  type SerializedError,
  toSerializedError,
} from "./protocol";

/** The step id of a discovery call: "run the function from the top with the memoised state". */
export const DISCOVERY = "step";

/** Same guard as the real server: a run that keeps producing new steps is stopped. */
export const MAX_STEPS_PER_RUN = 1_000;

export type RunStatus = "Queued" | "Running" | "Completed" | "Failed" | "Cancelled";
export type StepStatus = "Planned" | "Completed" | "Failed" | "Retrying" | "Sleeping";

export type RunState = {
  maxAttempts: number;
  /** Ops of the current step group still to resolve; discovery resumes only when it is empty. */
  pending: string[];
  /** Memoised step ids in completion order (the SDK's `ctx.stack`). */
  stack: string[];
  /** Set once parallel steps were seen, so the SDK stops running steps inline during discovery. */
  disableImmediate: boolean;
};

export type WorkItem = { kind: "call" | "wake"; stepId: string; attempt: number };

export type CallOutcome =
  | { type: "completed"; output: unknown }
  | { type: "ops"; ops: Op[]; retryAfterMs?: number }
  | { type: "error"; error: SerializedError; retriable: boolean; retryAfterMs?: number };

export type StepChange = {
  id: string;
  name?: string;
  op?: string;
  status: StepStatus;
  /** Present when the step is resolved: it is appended to the stack and sent on later calls. */
  memo?: MemoValue;
  error?: SerializedError;
  /** The app executed the step body during this call (counts as an attempt). */
  executed?: boolean;
  wakeAt?: number;
};

export type Enqueue = { kind: "call" | "wake"; stepId: string; attempt: number; dueAt: number };

export type Finish = { status: "Completed"; output: unknown } | { status: "Failed"; error: SerializedError };

export type Transition = {
  steps: StepChange[];
  pending: string[];
  stack: string[];
  disableImmediate: boolean;
  enqueue: Enqueue[];
  finish?: Finish;
  /** One line for the run history, e.g. "StepRun(fetch) StepPlanned(a)". */
  summary: string;
};

export type RetryPolicy = { now: number; backoffMs(failedAttempt: number): number };

const UNSUPPORTED_OPS: Record<string, string> = {
  WaitForEvent: "step.waitForEvent",
  WaitForSignal: "step.waitForSignal",
  InvokeFunction: "step.invoke",
  AIGateway: "step.ai.infer",
  Gateway: "step.fetch",
  DeferAdd: "defer()",
  DeferAbort: "defer()",
};

function opLabel(op: Op): string {
  return `${op.op}(${op.displayName ?? op.name ?? op.id})`;
}

class TransitionBuilder {
  readonly t: Transition;

  constructor(
    private readonly run: RunState,
    private readonly policy: RetryPolicy,
  ) {
    this.t = {
      steps: [],
      pending: [...run.pending],
      stack: [...run.stack],
      disableImmediate: run.disableImmediate,
      enqueue: [],
      summary: "",
    };
  }

  get finished(): boolean {
    return this.t.finish !== undefined;
  }

  finish(finish: Finish): void {
    if (!this.t.finish) this.t.finish = finish;
  }

  fail(message: string): void {
    this.finish({ status: "Failed", error: localError(message) });
  }

  isMemoised(stepId: string): boolean {
    return this.t.stack.includes(stepId);
  }

  resolve(change: StepChange & { memo: MemoValue }): void {
    this.t.pending = this.t.pending.filter((id) => id !== change.id);
    if (this.isMemoised(change.id)) return;
    if (this.t.stack.length >= MAX_STEPS_PER_RUN) {
      this.fail(`run exceeded ${MAX_STEPS_PER_RUN} steps`);
      return;
    }
    this.t.stack.push(change.id);
    this.t.steps.push(change);
  }

  waitOn(stepId: string, enqueue: Omit<Enqueue, "stepId">, change: StepChange): void {
    if (!this.t.pending.includes(stepId)) this.t.pending.push(stepId);
    this.t.enqueue.push({ ...enqueue, stepId });
    this.t.steps.push(change);
  }

  /** A failed attempt: retry `stepId` after the backoff, or fail the run when attempts are used up. */
  retryOrFail(stepId: string, failedAttempt: number, error: SerializedError, retryAfterMs?: number): void {
    const next = failedAttempt + 1;
    if (next >= this.run.maxAttempts) {
      this.finish({ status: "Failed", error });
      return;
    }
    const delay = retryAfterMs ?? this.policy.backoffMs(failedAttempt);
    if (!this.t.pending.includes(stepId) && stepId !== DISCOVERY) this.t.pending.push(stepId);
    this.t.enqueue.push({ kind: "call", stepId, attempt: next, dueAt: this.policy.now + delay });
  }

  /** After a group is fully resolved, run the function again to find what comes next. */
  build(): Transition {
    if (!this.finished && this.t.pending.length === 0 && !this.t.enqueue.some((e) => e.kind === "call")) {
      this.t.enqueue.push({ kind: "call", stepId: DISCOVERY, attempt: 0, dueAt: this.policy.now });
    }
    if (this.finished) {
      this.t.enqueue = [];
      this.t.pending = [];
    }
    return this.t;
  }
}

function applyOp(
  b: TransitionBuilder,
  run: RunState,
  item: WorkItem,
  op: Op,
  retryAfterMs: number | undefined,
  now: number,
) {
  const name = op.displayName ?? op.name ?? undefined;
  switch (op.op) {
    case "StepRun":
      b.resolve({ id: op.id, name, op: op.op, status: "Completed", memo: { data: op.data ?? null }, executed: true });
      return;
    case "StepFailed": {
      const error = toSerializedError(op.error ?? op.data, "step failed");
      b.resolve({ id: op.id, name, op: op.op, status: "Failed", memo: { error }, error, executed: true });
      return;
    }
    case "StepError": {
      const error = toSerializedError(op.error, "step errored");
      const attempt = item.stepId === op.id || item.stepId === DISCOVERY ? item.attempt : 0;
      if (attempt + 1 >= run.maxAttempts) {
        // The SDK marks the last attempt final itself; treat a late StepError the same way.
        b.resolve({ id: op.id, name, op: "StepFailed", status: "Failed", memo: { error }, error, executed: true });
        return;
      }
      b.t.steps.push({ id: op.id, name, op: op.op, status: "Retrying", error, executed: true });
      b.retryOrFail(op.id, attempt, error, retryAfterMs);
      return;
    }
    case "StepPlanned":
      if (b.isMemoised(op.id)) {
        b.fail(`app planned step "${name ?? op.id}" again although it is memoised; are step ids deterministic?`);
        return;
      }
      b.waitOn(op.id, { kind: "call", attempt: 0, dueAt: now }, { id: op.id, name, op: op.op, status: "Planned" });
      return;
    case "Sleep": {
      const target = op.name ?? (typeof op.opts?.duration === "string" ? op.opts.duration : "");
      let wakeAt: number;
      try {
        wakeAt = sleepUntilMs(target, now);
      } catch (error) {
        b.fail(`step "${op.displayName ?? op.id}": ${(error as Error).message}`);
        return;
      }
      b.waitOn(
        op.id,
        { kind: "wake", attempt: 0, dueAt: wakeAt },
        { id: op.id, name: op.displayName ?? undefined, op: op.op, status: "Sleeping", wakeAt },
      );
      return;
    }
    case "RunComplete":
      b.finish({ status: "Completed", output: op.data ?? null });
      return;
    default: {
      const feature = UNSUPPORTED_OPS[op.op];
      b.fail(
        feature
          ? `${feature} (op ${op.op}) is not supported by inngest-local`
          : `app answered with unknown op "${op.op}" for step "${name ?? op.id}"`,
      );
    }
  }
}

/** What to do after the app answered a call for `item`. */
export function planCall(run: RunState, item: WorkItem, outcome: CallOutcome, policy: RetryPolicy): Transition {
  const b = new TransitionBuilder(run, policy);
  switch (outcome.type) {
    case "completed":
      b.finish({ status: "Completed", output: outcome.output });
      b.t.summary = "completed";
      break;
    case "error":
      b.t.summary = `${outcome.retriable ? "error" : "final error"}: ${outcome.error.message}`;
      if (item.stepId !== DISCOVERY) {
        const retrying = outcome.retriable && item.attempt + 1 < run.maxAttempts;
        b.t.steps.push({
          id: item.stepId,
          status: retrying ? "Retrying" : "Failed",
          error: outcome.error,
          executed: true,
        });
      }
      if (outcome.retriable) b.retryOrFail(item.stepId, item.attempt, outcome.error, outcome.retryAfterMs);
      else b.finish({ status: "Failed", error: outcome.error });
      break;
    case "ops":
      b.t.summary = outcome.ops.map(opLabel).join(" ");
      if (outcome.ops.length > 1) b.t.disableImmediate = true;
      for (const op of outcome.ops) {
        applyOp(b, run, item, op, outcome.retryAfterMs, policy.now);
        if (b.finished) break;
      }
      if (
        !b.finished &&
        item.stepId !== DISCOVERY &&
        b.t.pending.includes(item.stepId) &&
        !b.t.enqueue.some((e) => e.stepId === item.stepId)
      ) {
        b.fail(`app answered the call for step ${item.stepId} without running it`);
      }
      break;
  }
  return b.build();
}

/** A sleep finished: memoise it and resume once the rest of its group is done. */
export function planWake(run: RunState, item: WorkItem, now: number): Transition {
  const b = new TransitionBuilder(run, { now, backoffMs: () => 0 });
  b.t.summary = "woke up";
  if (!run.pending.includes(item.stepId)) {
    b.t.summary = "stale wake-up ignored";
    return b.t;
  }
  b.resolve({ id: item.stepId, status: "Completed", memo: { data: null } });
  return b.build();
}

export type AppResponse = { status: number; header(name: string): string | undefined; body: string };

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: text === "" ? null : JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/** Classifies an app's HTTP answer (PROTOCOL.md §1c: 200 / 206 / 400 / 500 and friends). */
export function interpretResponse(res: AppResponse, now: number): CallOutcome {
  const retryAfterMs = retryAfterDelayMs(res.header(HEADER.retryAfter), now);
  const parsed = parseJson(res.body);
  if (res.status === 200) {
    if (!parsed.ok)
      return { type: "error", retriable: false, error: localError("app answered 200 with a body that is not JSON") };
    return { type: "completed", output: parsed.value };
  }
  if (res.status === 206) {
    if (!parsed.ok)
      return { type: "error", retriable: false, error: localError("app answered 206 with a body that is not JSON") };
    const ops = opsSchema.safeParse(parsed.value);
    if (!ops.success) {
      return {
        type: "error",
        retriable: false,
        error: localError(`app answered 206 with an invalid op list: ${describeZodError(ops.error, "ops")}`),
      };
    }
    return { type: "ops", ops: ops.data, retryAfterMs };
  }
  const snippet = res.body.slice(0, 200);
  const error = toSerializedError(
    parsed.ok ? parsed.value : undefined,
    `HTTP ${res.status}${snippet ? `: ${snippet}` : ""}`,
  );
  if (res.status === 401 || res.status === 403) {
    error.message = `app rejected the call (HTTP ${res.status}: ${error.message}); check that the signing key matches the app's`;
    return { type: "error", retriable: false, error };
  }
  // The SDK answers 500 for a function id it does not serve; retrying cannot help until a re-sync.
  const unknownFunction = res.status === 500 && /was not found in this app/.test(error.message);
  const retriable =
    res.header(HEADER.noRetry) !== "true" &&
    !unknownFunction &&
    (res.status >= 500 || res.status === 408 || res.status === 429);
  return { type: "error", retriable, error, retryAfterMs };
}

/** The app could not be reached or did not answer in time: retriable, like any 5xx. */
export function transportFailure(url: string, cause: unknown): CallOutcome {
  const reason =
    cause instanceof Error ? (cause.cause instanceof Error ? cause.cause.message : cause.message) : String(cause);
  return {
    type: "error",
    retriable: true,
    error: { name: "TransportError", message: `call to ${url} failed: ${reason}` },
  };
}
