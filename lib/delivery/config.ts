// Delivery settings, from the environment (see README "Delivery").
const num = (name: string, fallback: number) => {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
};

/** Attempts in all, the first included (Blue: five). */
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
/** Deliveries that exhaust their attempts before the webhook is disabled (Blue: 1). */
export const disableAfterExhausted = () => num("WEBHOOK_DISABLE_AFTER_EXHAUSTED", 1);
/** First attempts in flight at once in one fan-out, overall and per endpoint. */
export const fanOutConcurrency = () => num("WEBHOOK_FANOUT_CONCURRENCY", 64);
export const perEndpointConcurrency = () => num("WEBHOOK_PER_ENDPOINT_CONCURRENCY", 8);

export const USER_AGENT = "BlueWebhooks/1.0 (+https://github.com/blue-webhooks)";
