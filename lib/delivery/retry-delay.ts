import { retrySchedule } from "./config";

/** The wait before attempt `next` (2…5): the receiver's Retry-After when it sent one, else the schedule. */
export function delayBefore(next: number, retryAfterMs: number | null): number {
  return retryAfterMs ?? retrySchedule()[next - 2];
}
