// Per-function settings derived from the registered config when a run is created: attempts,
// concurrency keys and the idempotency key.
import { type ExpressionErrorHandler, expressionKey } from "./expressions";
import {
  type ConcurrencyConfig,
  DEFAULT_RETRIES,
  type EventPayload,
  type FunctionConfig,
  MAX_RETRIES,
} from "./protocol";

/** `retries: N` in the SDK means N retries, so N + 1 attempts (the SDK calls it `attempts`). */
export function maxAttempts(config: FunctionConfig): number {
  const retries = Object.values(config.steps)[0]?.retries?.attempts ?? DEFAULT_RETRIES;
  return Math.min(Math.max(0, retries), MAX_RETRIES) + 1;
}

export type ConcurrencySlot = { key: string; limit: number };

function normalise(concurrency: FunctionConfig["concurrency"]): ConcurrencyConfig[] {
  if (concurrency === null || concurrency === undefined) return [];
  if (typeof concurrency === "number") return [{ limit: concurrency }];
  return Array.isArray(concurrency) ? concurrency : [concurrency];
}

/**
 * The concurrency slots a run's step calls occupy. A limit without a key is per function; with
 * a key, per evaluated key value. "env"/"account" scopes share the key across functions (one
 * local server is one environment and one account). Limits ≤ 0 mean "no limit", as on Inngest.
 */
export function concurrencySlots(
  functionId: string,
  config: FunctionConfig,
  event: EventPayload,
  onError: ExpressionErrorHandler,
): ConcurrencySlot[] {
  return normalise(config.concurrency)
    .filter((c) => c.limit > 0)
    .map((c) => {
      const scope = c.scope ?? "fn";
      const owner = scope === "fn" ? functionId : scope;
      const value = c.key ? `${c.key}=${expressionKey(c.key, { event }, onError)}` : "";
      return { key: `${owner}:${value}`, limit: c.limit };
    });
}

/** The idempotency key of a run, or undefined when the function sets none. */
export function idempotencyKey(
  config: FunctionConfig,
  event: EventPayload,
  onError: ExpressionErrorHandler,
): string | undefined {
  return config.idempotency ? expressionKey(config.idempotency, { event }, onError) : undefined;
}
