import { MAX_ATTEMPTS, retrySchedule } from "./config";

/**
 * The wait before attempt `next` of a chain ending at `last`: the receiver's Retry-After when it
 * sent one, else the schedule (the n-th retry of the chain waits the n-th step).
 */
export function delayBefore(next: number, last: number, retryAfterMs: number | null): number {
  if (retryAfterMs !== null) return retryAfterMs;
  const schedule = retrySchedule();
  const retryIndex = next - (last - MAX_ATTEMPTS) - 2;
  return schedule[Math.min(Math.max(retryIndex, 0), schedule.length - 1)];
}
