// Retry timing: Inngest's table backoff (pkg/backoff TableBackoff) and Retry-After handling.

/** Delay after a failed attempt n (0-based); attempts past the end reuse the last entry. */
export const BACKOFF_TABLE_MS = [
  15_000, 30_000, 60_000, 120_000, 300_000, 600_000, 1_200_000, 2_400_000, 3_600_000, 7_200_000,
] as const;

/** The real server adds up to 30 s of random jitter so retries of many runs do not stampede. */
export const MAX_JITTER_MS = 30_000;

/** A Retry-After further out than this is treated as this (a local development safety net). */
export const MAX_RETRY_AFTER_MS = 24 * 3_600_000;

/**
 * The delay before retrying after `attempt` failed. `scale` shrinks table and jitter alike
 * (1 = the real schedule; tests use e.g. 0.001).
 */
export function backoffDelayMs(attempt: number, scale = 1, random: () => number = Math.random): number {
  const index = Math.min(Math.max(0, Math.floor(attempt)), BACKOFF_TABLE_MS.length - 1);
  const base = BACKOFF_TABLE_MS[index] + Math.floor(random() * MAX_JITTER_MS);
  return Math.max(0, Math.round(base * scale));
}

/**
 * The SDK's `retry-after` header (from RetryAfterError): whole seconds, or a date (ISO-8601 or
 * HTTP-date). Returns the delay in ms from `now`, capped, or undefined when absent or unreadable.
 * Deliberately not scaled by backoffScale: it is the receiver's own instruction.
 */
export function retryAfterDelayMs(header: string | null | undefined, now: number): number | undefined {
  const value = header?.trim();
  if (!value) return undefined;
  let delay: number;
  if (/^\d+(\.\d+)?$/.test(value)) delay = Number(value) * 1_000;
  else {
    const at = Date.parse(value);
    if (!Number.isFinite(at)) return undefined;
    delay = at - now;
  }
  return Math.min(Math.max(0, Math.round(delay)), MAX_RETRY_AFTER_MS);
}
