// Delivery settings, from the environment (see README "Delivery").
import { env, RETRY_WAITS } from "../env";
import type { DisablePolicy, RetryPolicy } from "./decide";

/** Attempts in a chain, the first included (Blue: five): the first, then one per retry wait. */
export const MAX_ATTEMPTS = RETRY_WAITS + 1;

/** Waits before attempts 2…5, in ms. WEBHOOK_RETRY_SCHEDULE="30s,2m,10m,30m" (or ms numbers). */
export const retrySchedule = (): number[] => env.WEBHOOK_RETRY_SCHEDULE;

export const deliveryTimeoutMs = () => env.WEBHOOK_TIMEOUT_MS;
/** A 429's Retry-After is honoured up to this. */
export const maxRetryAfterMs = () => env.WEBHOOK_MAX_RETRY_AFTER_MS;

export const retryPolicy = (): RetryPolicy => ({ schedule: retrySchedule(), maxRetryAfterMs: maxRetryAfterMs() });

/** Blue's rule, unless a webhook sets its own: one exhausted delivery (or N) disables it. */
export const defaultDisablePolicy = (): DisablePolicy => ({
  type: "exhausted",
  count: env.WEBHOOK_DISABLE_AFTER_EXHAUSTED,
});

/**
 * How long the fan-out of an event waits for the first attempts it makes inline. An attempt still
 * running then goes on in the background and is recorded when it ends; the fan-out returns, so a
 * slow receiver never holds the call (and the Inngest slot) longer than this.
 */
export const inlineBudgetMs = () => env.WEBHOOK_INLINE_BUDGET_MS;

/** An attempt slower than this marks its lane slow: the fan-out no longer waits for its attempts. */
export const slowAttemptMs = () => env.WEBHOOK_SLOW_ATTEMPT_MS;

/** An attempt in flight longer than the timeout plus this is taken as lost (its process died). */
export const LEASE_MARGIN_MS = 5_000;

/**
 * A retry due within this is kept by the process that recorded the failure: leased for its wait,
 * started by a timer on time (see background-sender.ts), with no lane run. A later retry, or one
 * of a paused or rate-limited webhook, waits in its lane.
 */
export const HOLD_HORIZON_MS = 60_000;

export const USER_AGENT = "BlueWebhooks/1.0 (+https://github.com/blue-webhooks)";
