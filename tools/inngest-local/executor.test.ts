import { describe, expect, it } from "vitest";
import {
  type AppResponse,
  type CallOutcome,
  DISCOVERY,
  interpretResponse,
  planCall,
  planWake,
  type RunState,
  transportFailure,
  type WorkItem,
} from "./executor";
import type { Op } from "./protocol";

const NOW = 1_000_000;
const policy = { now: NOW, backoffMs: (attempt: number) => (attempt + 1) * 100 };
const run = (over: Partial<RunState> = {}): RunState => ({
  maxAttempts: 3,
  pending: [],
  stack: [],
  disableImmediate: false,
  ...over,
});
const discovery: WorkItem = { kind: "call", stepId: DISCOVERY, attempt: 0 };
const ops = (...list: Op[]): CallOutcome => ({ type: "ops", ops: list });

describe("planCall", () => {
  it("memoises an inline StepRun and resumes discovery", () => {
    const t = planCall(run(), discovery, ops({ id: "a", op: "StepRun", displayName: "a", data: 1 }), policy);
    expect(t.stack).toEqual(["a"]);
    expect(t.steps).toEqual([
      { id: "a", name: "a", op: "StepRun", status: "Completed", memo: { data: 1 }, executed: true },
    ]);
    expect(t.enqueue).toEqual([{ kind: "call", stepId: DISCOVERY, attempt: 0, dueAt: NOW }]);
    expect(t.finish).toBeUndefined();
  });

  it("waits for the whole parallel group before resuming discovery", () => {
    const planned = planCall(
      run(),
      discovery,
      ops({ id: "a", op: "StepPlanned" }, { id: "b", op: "StepPlanned" }),
      policy,
    );
    expect(planned.disableImmediate).toBe(true);
    expect(planned.pending).toEqual(["a", "b"]);
    expect(planned.enqueue.map((e) => e.stepId)).toEqual(["a", "b"]);

    const afterA = planCall(
      run({ ...planned }),
      { kind: "call", stepId: "a", attempt: 0 },
      ops({ id: "a", op: "StepRun", data: "A" }),
      policy,
    );
    expect(afterA.pending).toEqual(["b"]);
    expect(afterA.enqueue).toEqual([]);

    const afterB = planCall(
      run({ ...afterA }),
      { kind: "call", stepId: "b", attempt: 0 },
      ops({ id: "b", op: "StepRun", data: "B" }),
      policy,
    );
    expect(afterB.pending).toEqual([]);
    expect(afterB.stack).toEqual(["a", "b"]);
    expect(afterB.enqueue).toEqual([{ kind: "call", stepId: DISCOVERY, attempt: 0, dueAt: NOW }]);
  });

  it("retries a StepError of the same step with the backoff, keeping the group waiting", () => {
    const item: WorkItem = { kind: "call", stepId: "a", attempt: 1 };
    const t = planCall(
      run({ pending: ["a", "b"] }),
      item,
      ops({ id: "a", op: "StepError", error: { name: "Error", message: "x" } }),
      policy,
    );
    expect(t.pending).toEqual(["a", "b"]);
    expect(t.enqueue).toEqual([{ kind: "call", stepId: "a", attempt: 2, dueAt: NOW + 200 }]);
    expect(t.steps[0]).toMatchObject({ id: "a", status: "Retrying", executed: true });
  });

  it("honours retry-after instead of the backoff", () => {
    const outcome: CallOutcome = {
      type: "ops",
      ops: [{ id: "a", op: "StepError", error: { message: "429" } }],
      retryAfterMs: 2_000,
    };
    expect(planCall(run(), discovery, outcome, policy).enqueue).toEqual([
      { kind: "call", stepId: "a", attempt: 1, dueAt: NOW + 2_000 },
    ]);
  });

  it("memoises a StepFailed error so user code can catch it", () => {
    const t = planCall(
      run(),
      discovery,
      ops({ id: "a", op: "StepFailed", error: { name: "NonRetriableError", message: "gone" } }),
      policy,
    );
    expect(t.stack).toEqual(["a"]);
    expect(t.steps[0].memo).toEqual({ error: { name: "NonRetriableError", message: "gone", stack: undefined } });
    expect(t.enqueue.map((e) => e.stepId)).toEqual([DISCOVERY]);
  });

  it("turns a StepError on the last attempt into a memoised failure", () => {
    const t = planCall(
      run(),
      { kind: "call", stepId: "a", attempt: 2 },
      ops({ id: "a", op: "StepError", error: { message: "x" } }),
      policy,
    );
    expect(t.steps[0]).toMatchObject({ op: "StepFailed", status: "Failed", memo: { error: { message: "x" } } });
    expect(t.finish).toBeUndefined();
  });

  it("schedules a wake-up for a Sleep op (duration in name) and resumes after it", () => {
    const slept = planCall(run(), discovery, ops({ id: "s", op: "Sleep", name: "2s", displayName: "nap" }), policy);
    expect(slept.enqueue).toEqual([{ kind: "wake", stepId: "s", attempt: 0, dueAt: NOW + 2_000 }]);
    expect(slept.pending).toEqual(["s"]);
    const woke = planWake(run({ ...slept }), { kind: "wake", stepId: "s", attempt: 0 }, NOW + 2_000);
    expect(woke.stack).toEqual(["s"]);
    expect(woke.steps[0].memo).toEqual({ data: null });
    expect(woke.enqueue).toEqual([{ kind: "call", stepId: DISCOVERY, attempt: 0, dueAt: NOW + 2_000 }]);
  });

  it("ignores a wake-up for a step that is not waiting", () => {
    const t = planWake(run({ stack: ["s"] }), { kind: "wake", stepId: "s", attempt: 0 }, NOW);
    expect(t.enqueue).toEqual([]);
    expect(t.stack).toEqual(["s"]);
  });

  it("retries function-level errors and fails when attempts run out", () => {
    const error = { name: "Error", message: "boom" };
    const retried = planCall(run(), discovery, { type: "error", error, retriable: true }, policy);
    expect(retried.enqueue).toEqual([{ kind: "call", stepId: DISCOVERY, attempt: 1, dueAt: NOW + 100 }]);
    const last = planCall(run(), { ...discovery, attempt: 2 }, { type: "error", error, retriable: true }, policy);
    expect(last.finish).toEqual({ status: "Failed", error });
    expect(last.enqueue).toEqual([]);
    const final = planCall(run(), discovery, { type: "error", error, retriable: false }, policy);
    expect(final.finish).toEqual({ status: "Failed", error });
  });

  it("completes on a 200 and drops anything else queued", () => {
    const t = planCall(run({ pending: ["x"] }), discovery, { type: "completed", output: { ok: true } }, policy);
    expect(t.finish).toEqual({ status: "Completed", output: { ok: true } });
    expect(t.enqueue).toEqual([]);
  });

  it("fails clearly on unsupported or unknown ops", () => {
    expect(planCall(run(), discovery, ops({ id: "w", op: "WaitForEvent", name: "x/y" }), policy).finish).toMatchObject({
      status: "Failed",
      error: { message: "step.waitForEvent (op WaitForEvent) is not supported by inngest-local" },
    });
    expect(
      planCall(run(), discovery, ops({ id: "q", op: "Teleport", displayName: "beam" }), policy).finish,
    ).toMatchObject({
      status: "Failed",
      error: { message: 'app answered with unknown op "Teleport" for step "beam"' },
    });
  });

  it("fails when a planned step comes back without being run, or a memoised step is planned again", () => {
    const unanswered = planCall(
      run({ pending: ["a"] }),
      { kind: "call", stepId: "a", attempt: 0 },
      ops({ id: "b", op: "StepPlanned" }),
      policy,
    );
    expect(unanswered.finish).toMatchObject({ status: "Failed" });
    const replanned = planCall(
      run({ stack: ["a"] }),
      discovery,
      ops({ id: "a", op: "StepPlanned", name: "a" }),
      policy,
    );
    expect(replanned.finish).toMatchObject({
      status: "Failed",
      error: { message: expect.stringContaining("are step ids deterministic") },
    });
  });

  it("fails a Sleep it cannot read", () => {
    const t = planCall(run(), discovery, ops({ id: "s", op: "Sleep", name: "forever" }), policy);
    expect(t.finish).toMatchObject({
      status: "Failed",
      error: { message: expect.stringContaining("invalid sleep duration") },
    });
  });
});

function response(status: number, body: string, headers: Record<string, string> = {}): AppResponse {
  return { status, body, header: (name) => headers[name] };
}

describe("interpretResponse", () => {
  it("reads 200 as the function's output", () => {
    expect(interpretResponse(response(200, '{"a":1}'), NOW)).toEqual({ type: "completed", output: { a: 1 } });
    expect(interpretResponse(response(200, ""), NOW)).toEqual({ type: "completed", output: null });
  });

  it("reads 206 as ops, with retry-after", () => {
    const outcome = interpretResponse(
      response(206, '[{"id":"a","op":"StepError","error":{}}]', { "retry-after": "3" }),
      NOW,
    );
    expect(outcome).toMatchObject({ type: "ops", retryAfterMs: 3_000, ops: [{ id: "a", op: "StepError" }] });
  });

  it("rejects a 206 that is not an op list", () => {
    for (const body of ["{}", "[]", '[{"op":"StepRun"}]', "nope"]) {
      expect(interpretResponse(response(206, body), NOW)).toMatchObject({ type: "error", retriable: false });
    }
  });

  it("maps 500 to retriable and 400 (no-retry) to final", () => {
    expect(
      interpretResponse(response(500, '{"name":"Error","message":"boom"}', { "x-inngest-no-retry": "false" }), NOW),
    ).toMatchObject({
      type: "error",
      retriable: true,
      error: { message: "boom" },
    });
    expect(
      interpretResponse(response(400, '{"name":"StepError","message":"nope"}', { "x-inngest-no-retry": "true" }), NOW),
    ).toMatchObject({
      type: "error",
      retriable: false,
      error: { message: "nope" },
    });
    expect(interpretResponse(response(502, "<html>bad gateway</html>"), NOW)).toMatchObject({
      type: "error",
      retriable: true,
      error: { message: "HTTP 502: <html>bad gateway</html>" },
    });
  });

  it("does not retry what cannot succeed: unknown function, bad signature", () => {
    const unknown =
      '{"type":"internal","name":"Error","message":"Function \\"app-x\\" was not found in this app; is the app synced correctly?"}';
    expect(interpretResponse(response(500, unknown), NOW)).toMatchObject({ type: "error", retriable: false });
    expect(interpretResponse(response(401, '{"message":"Unauthorized"}'), NOW)).toMatchObject({
      type: "error",
      retriable: false,
      error: { message: expect.stringContaining("check that the signing key matches") },
    });
  });

  it("treats transport failures as retriable", () => {
    expect(transportFailure("http://127.0.0.1:1/api/inngest", new Error("connect ECONNREFUSED"))).toMatchObject({
      type: "error",
      retriable: true,
      error: { name: "TransportError", message: "call to http://127.0.0.1:1/api/inngest failed: connect ECONNREFUSED" },
    });
  });
});
