// Cron triggers. Inngest accepts an optional "TZ=<zone> " (or "CRON_TZ=") prefix; croner computes
// the schedule. Timers are not croner's: due times live in the database so restarts lose nothing.
import { Cron } from "croner";

export type CronSchedule = { pattern: string; timezone?: string };

export function parseCronExpression(expression: string): CronSchedule {
  const match = /^\s*(?:CRON_)?TZ=(\S+)\s+(.+)$/.exec(expression);
  if (match) return { timezone: match[1], pattern: match[2].trim() };
  return { pattern: expression.trim() };
}

/** The first run strictly after `after`; throws for an invalid pattern or zone. */
export function nextCronRun(expression: string, after: Date): Date | null {
  const { pattern, timezone } = parseCronExpression(expression);
  // No callback: croner only computes dates and starts no timer.
  return new Cron(pattern, { timezone }).nextRun(after);
}
