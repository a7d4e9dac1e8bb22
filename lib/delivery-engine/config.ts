// Delivery settings, from the environment (see README "Delivery").
import type { DisablePolicy, RetryPolicy } from "./decide";

const num = (name: string, fallback: number) => {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
};

/** Attempts in a chain, the first included (Blue: five). */
export const MAX_ATTEMPTS = 5;

/** Waits before attempts 2…5, in ms. WEBHOOK_RETRY_SCHEDULE="30s,2m,10m,30m" (or ms numbers). */
export function retrySchedule(): number[] {
  const raw = process.env.WEBHOOK_RETRY_SCHEDULE ?? "30s,2m,10m,30m";
  const steps = raw.split(",").map((s) => {
    const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h)?\s*$/.exec(s);
    if (!m) throw new Error(`WEBHOOK_RETRY_SCHEDULE: cannot read "${s}"`);
    return Number(m[1]) * { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[(m[2] ?? "ms") as "ms"];
  });
  if (steps.length !== MAX_ATTEMPTS - 1) throw new Error(`WEBHOOK_RETRY_SCHEDULE needs ${MAX_ATTEMPTS - 1} waits`);
  return steps;
}

export const deliveryTimeoutMs = () => num("WEBHOOK_TIMEOUT_MS", 7_000);
/** A 429's Retry-After is honoured up to this. */
export const maxRetryAfterMs = () => num("WEBHOOK_MAX_RETRY_AFTER_MS", 3_600_000);

export const retryPolicy = (): RetryPolicy => ({ schedule: retrySchedule(), maxRetryAfterMs: maxRetryAfterMs() });

/** Blue's rule, unless a webhook sets its own: one exhausted delivery (or N) disables it. */
export const defaultDisablePolicy = (): DisablePolicy => ({
  type: "exhausted",
  count: num("WEBHOOK_DISABLE_AFTER_EXHAUSTED", 1),
});

/**
 * How long the fan-out of an event waits for the first attempts it makes inline. An attempt still
 * running then goes on in the background and is recorded when it ends; the fan-out returns, so a
 * slow receiver never holds the call (and the Inngest slot) longer than this.
 */
export const inlineBudgetMs = () => num("WEBHOOK_INLINE_BUDGET_MS", 150);

/** An attempt slower than this marks its lane slow: new deliveries queue in the lane, not inline. */
export const slowAttemptMs = () => num("WEBHOOK_SLOW_ATTEMPT_MS", 100);

/** An attempt in flight longer than the timeout plus this is taken as lost (its process died). */
export const LEASE_MARGIN_MS = 5_000;

export const USER_AGENT = "BlueWebhooks/1.0 (+https://github.com/blue-webhooks)";
