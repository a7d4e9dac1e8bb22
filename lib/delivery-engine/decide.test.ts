import { describe, expect, it } from "vitest";
import { decide, disableReason, type RetryPolicy, shouldDisable, waitBefore } from "./decide";
import type { AttemptOutcome } from "./send-request";

const policy: RetryPolicy = { schedule: [30_000, 120_000, 600_000, 1_800_000], maxRetryAfterMs: 3_600_000 };
const now = 1_000_000;

const outcome = (over: Partial<AttemptOutcome>): AttemptOutcome => ({
  ok: false,
  statusCode: 500,
  responseHeaders: {},
  responseBody: "",
  latencyMs: 3,
  errorClass: "http_status",
  errorMessage: "HTTP 500",
  retryAfterMs: null,
  ...over,
});

describe("decide", () => {
  it("a 2xx delivers", () => {
    expect(decide({ outcome: outcome({ ok: true, statusCode: 204 }), number: 3, chainLast: 5 }, now, policy)).toEqual({
      status: "DELIVERED",
      retryAt: null,
      pauseUntil: null,
      gone: false,
      exhausted: false,
    });
  });

  it("a failure retries after the scheduled wait of its place in the chain", () => {
    for (const [n, wait] of [
      [1, 30_000],
      [2, 120_000],
      [3, 600_000],
      [4, 1_800_000],
    ] as const) {
      expect(decide({ outcome: outcome({}), number: n, chainLast: 5 }, now, policy)).toMatchObject({
        status: "RETRYING",
        retryAt: now + wait,
        pauseUntil: null,
      });
    }
  });

  it("the chain's last attempt exhausts the delivery; a redelivered chain counts from its own start", () => {
    expect(decide({ outcome: outcome({}), number: 5, chainLast: 5 }, now, policy)).toMatchObject({
      status: "FAILED",
      exhausted: true,
    });
    // Attempts 6…10 form the second chain: attempt 6 waits the first step, attempt 10 exhausts.
    expect(decide({ outcome: outcome({}), number: 6, chainLast: 10 }, now, policy).retryAt).toBe(now + 30_000);
    expect(decide({ outcome: outcome({}), number: 10, chainLast: 10 }, now, policy).exhausted).toBe(true);
  });

  it("410 Gone fails at once and disables, whatever the attempt", () => {
    expect(decide({ outcome: outcome({ statusCode: 410 }), number: 1, chainLast: 5 }, now, policy)).toMatchObject({
      status: "FAILED",
      gone: true,
      exhausted: false,
    });
  });

  it("429 pauses the lane until the retry; its Retry-After wins, capped", () => {
    expect(
      decide({ outcome: outcome({ statusCode: 429, retryAfterMs: 5_000 }), number: 1, chainLast: 5 }, now, policy),
    ).toMatchObject({ status: "RETRYING", retryAt: now + 5_000, pauseUntil: now + 5_000 });
    expect(
      decide({ outcome: outcome({ statusCode: 429, retryAfterMs: 99_000_000 }), number: 1, chainLast: 5 }, now, policy)
        .retryAt,
    ).toBe(now + 3_600_000);
    expect(decide({ outcome: outcome({ statusCode: 429 }), number: 2, chainLast: 5 }, now, policy)).toMatchObject({
      retryAt: now + 120_000,
      pauseUntil: now + 120_000,
    });
  });

  it("503 pauses only with a Retry-After; a plain 503 is an ordinary failure", () => {
    expect(
      decide({ outcome: outcome({ statusCode: 503, retryAfterMs: 2_000 }), number: 1, chainLast: 5 }, now, policy)
        .pauseUntil,
    ).toBe(now + 2_000);
    expect(decide({ outcome: outcome({ statusCode: 503 }), number: 1, chainLast: 5 }, now, policy).pauseUntil).toBe(
      null,
    );
  });

  it("a timeout or a refused connection retries", () => {
    const refused = outcome({ statusCode: null, errorClass: "refused", errorMessage: "connect ECONNREFUSED" });
    expect(decide({ outcome: refused, number: 1, chainLast: 5 }, now, policy).status).toBe("RETRYING");
  });
});

describe("waitBefore", () => {
  it("stays on the last step past the end of the schedule", () => {
    expect(waitBefore(9, 5, policy, null)).toBe(1_800_000);
    expect(waitBefore(2, 5, policy, 10)).toBe(10);
  });
});

describe("disable policy", () => {
  it("exhausted: disables at the count of exhausted deliveries in a row", () => {
    expect(shouldDisable({ type: "exhausted", count: 1 }, { streak: 1 })).toBe(true);
    expect(shouldDisable({ type: "exhausted", count: 3 }, { streak: 2 })).toBe(false);
    expect(shouldDisable({ type: "exhausted", count: 3 }, { streak: 3 })).toBe(true);
  });

  it("failure_rate: needs the minimum of deliveries, then the share", () => {
    const p = { type: "failure_rate", percent: 50, windowMinutes: 60, minDeliveries: 4 } as const;
    expect(shouldDisable(p, { streak: 1, windowEnded: 3, windowFailed: 3 })).toBe(false);
    expect(shouldDisable(p, { streak: 1, windowEnded: 4, windowFailed: 1 })).toBe(false);
    expect(shouldDisable(p, { streak: 1, windowEnded: 4, windowFailed: 2 })).toBe(true);
  });

  it("says why in words", () => {
    expect(disableReason({ type: "exhausted", count: 1 }, "TODO_CREATED", 5, "HTTP 500")).toBe(
      "5 delivery attempts of TODO_CREATED failed (last: HTTP 500)",
    );
    expect(disableReason({ type: "exhausted", count: 3 }, "TODO_CREATED", 5, null)).toContain("3 deliveries in a row");
    expect(
      disableReason({ type: "failure_rate", percent: 40, windowMinutes: 30, minDeliveries: 5 }, "X", 5, null),
    ).toContain("40 %");
  });
});
