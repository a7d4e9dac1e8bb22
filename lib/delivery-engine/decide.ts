// What an attempt's outcome means for its delivery, its lane and its webhook. Pure: no clock, no
// database, no settings read here (the caller passes them), so every rule is unit-tested alone.
import type { AttemptOutcome } from "./send-request";

export type DeliveryStatus = "PENDING" | "RETRYING" | "DELIVERED" | "FAILED" | "SKIPPED";

export type Decision = {
  status: "DELIVERED" | "RETRYING" | "FAILED";
  /** When the next attempt is due (RETRYING only). */
  retryAt: number | null;
  /** The receiver asked us to back off (429, or 503 with Retry-After): the lane pauses until then. */
  pauseUntil: number | null;
  /** 410 Gone: the receiver says the endpoint is gone for good; the webhook is disabled at once. */
  gone: boolean;
  /** The chain's last attempt failed: the delivery is exhausted and the disable policy decides. */
  exhausted: boolean;
};

export type RetryPolicy = {
  /** Waits before the 2nd, 3rd… attempt of a chain, in ms. */
  schedule: number[];
  /** A receiver's Retry-After is honoured up to this. */
  maxRetryAfterMs: number;
};

/** The wait before attempt `next` of a chain whose last attempt is `chainLast` (5 attempts a chain). */
export function waitBefore(next: number, chainLast: number, policy: RetryPolicy, retryAfterMs: number | null): number {
  if (retryAfterMs !== null) return Math.min(retryAfterMs, policy.maxRetryAfterMs);
  const chainFirst = chainLast - policy.schedule.length;
  const index = next - chainFirst - 1;
  return policy.schedule[Math.min(Math.max(index, 0), policy.schedule.length - 1)];
}

/** `endedAt`: when the attempt ended — waits count from there, however late it is recorded. */
export function decide(
  attempt: { outcome: AttemptOutcome; number: number; chainLast: number },
  endedAt: number,
  policy: RetryPolicy,
): Decision {
  const { outcome, number, chainLast } = attempt;
  const none = { retryAt: null, pauseUntil: null, gone: false, exhausted: false };
  if (outcome.ok) return { status: "DELIVERED", ...none };
  if (outcome.statusCode === 410) return { status: "FAILED", ...none, gone: true };
  const backOff = outcome.statusCode === 429 || (outcome.statusCode === 503 && outcome.retryAfterMs !== null);
  if (number >= chainLast) {
    const pauseUntil = backOff ? endedAt + waitBefore(number + 1, chainLast, policy, outcome.retryAfterMs) : null;
    return { status: "FAILED", ...none, pauseUntil, exhausted: true };
  }
  const retryAt = endedAt + waitBefore(number + 1, chainLast, policy, outcome.retryAfterMs);
  return { status: "RETRYING", ...none, retryAt, pauseUntil: backOff ? retryAt : null };
}

/** When failing deliveries disable a webhook. Blue's rule is the default: `exhausted` with count 1. */
export type DisablePolicy =
  | { type: "exhausted"; count: number }
  | { type: "failure_rate"; percent: number; windowMinutes: number; minDeliveries: number };

/** What the policy looks at when a delivery has just been exhausted (that one included). */
export type ExhaustionStats = {
  /** Exhausted deliveries in a row, with no delivery delivered in between. */
  streak: number;
  /** Deliveries that ended in the policy's window, and how many of them failed. */
  windowEnded?: number;
  windowFailed?: number;
};

export function shouldDisable(policy: DisablePolicy, stats: ExhaustionStats): boolean {
  if (policy.type === "exhausted") return stats.streak >= policy.count;
  const ended = stats.windowEnded ?? 0;
  if (ended < policy.minDeliveries) return false;
  return ((stats.windowFailed ?? 0) / ended) * 100 >= policy.percent;
}

/** A sentence for the webhook page and the e-mail: why the policy disabled the webhook. */
export function disableReason(policy: DisablePolicy, eventType: string, attempts: number, lastError: string | null) {
  const last = lastError ?? "no answer";
  if (policy.type === "exhausted" && policy.count <= 1) {
    return `${attempts} delivery attempts of ${eventType} failed (last: ${last})`;
  }
  if (policy.type === "exhausted") {
    return `${policy.count} deliveries in a row failed after all their attempts (last: ${eventType}, ${last})`;
  }
  return `More than ${policy.percent} % of deliveries failed in ${policy.windowMinutes} minutes (last: ${eventType}, ${last})`;
}
