// Attempts that outlive the call that started them: a lane's claimed attempts, and fan-out
// attempts still running when its budget ran out. They run in this process, each leased in the
// database (a crash loses nothing: the lane makes a lost attempt again when its lease ends), and
// their outcomes are recorded together — every attempt that finished while the previous write
// was in flight goes into the next transaction.
import { sqlTransaction } from "../db";
import { logger } from "../logger";
import { sendQueuedEmails } from "../notify/email-outbox";
import { sendLaneWakes } from "./lanes";
import { type AttemptRecord, type AttemptTrigger, type DeliveryToSend, performAttempt } from "./perform-attempt";
import { recordAttempts } from "./record-attempts";

export type Launch = {
  delivery: DeliveryToSend;
  secrets: string[];
  number: number;
  trigger: AttemptTrigger;
  /** Not before (a rate-limited lane spaces its attempts). */
  startAt?: number;
};

/** Per-process count of attempts in flight per webhook, for the fan-out's inline attempts. */
const inFlight = new Map<string, number>();

/** Take a slot of the webhook's width for an inline attempt, or say there is none free here. */
export function tryTakeSlot(webhookId: string, width: number): boolean {
  const n = inFlight.get(webhookId) ?? 0;
  if (n >= width) return false;
  inFlight.set(webhookId, n + 1);
  return true;
}

export function releaseSlot(webhookId: string) {
  const n = (inFlight.get(webhookId) ?? 1) - 1;
  if (n <= 0) inFlight.delete(webhookId);
  else inFlight.set(webhookId, n);
}

const running = new Set<Promise<unknown>>();
type Queued = { record: AttemptRecord; viaLane: boolean };
const queue: Queued[] = [];
let writing = false;
const WRITE_BATCH = 500;

/** Count work that ends later among what settleBackgroundAttempts waits for. */
export function track<T>(promise: Promise<T>): Promise<T> {
  running.add(promise);
  promise.finally(() => running.delete(promise)).catch(() => undefined);
  return promise;
}

/** Record an attempt soon, together with the others that finish meanwhile. */
export function recordSoon(record: AttemptRecord, viaLane: boolean) {
  queue.push({ record, viaLane });
  if (writing) return;
  writing = true;
  track(writeQueued());
}

async function writeQueued() {
  while (queue.length > 0) {
    const batch = queue.splice(0, WRITE_BATCH);
    try {
      const lane = batch.filter((q) => q.viaLane).map((q) => q.record);
      const inline = batch.filter((q) => !q.viaLane).map((q) => q.record);
      const { wakes, emails } = await sqlTransaction(async (client) => {
        const a = await recordAttempts(client, lane, { fromLane: true });
        const b = await recordAttempts(client, inline);
        return { wakes: [...a.wakes, ...b.wakes], emails: [...a.emails, ...b.emails] };
      });
      await sendLaneWakes(wakes);
      if (emails.length > 0) await sendQueuedEmails(emails);
    } catch (error) {
      // Their leases run out and their lanes make these attempts again.
      logger.error({ err: error, attempts: batch.length }, "attempts not recorded; they are made again");
    }
  }
  writing = false;
}

/**
 * Make the attempts in the background. `after` is the transaction that wrote their deliveries:
 * an outcome is recorded only once it committed (if it failed, the call is retried as a whole).
 */
export function launchAttempts(launches: Launch[], opts: { viaLane: boolean; after?: Promise<unknown> }) {
  for (const launch of launches) {
    track(
      (async () => {
        const wait = (launch.startAt ?? 0) - Date.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        const record = await performAttempt(launch.delivery, launch.secrets, launch.number, launch.trigger);
        if (opts.after) await opts.after;
        recordSoon(record, opts.viaLane);
      })().catch((error) => logger.debug({ err: error }, "background attempt dropped")),
    );
  }
}

/** Wait until every background attempt has been made and recorded (tests, shutdown). */
export async function settleBackgroundAttempts() {
  while (running.size > 0) await Promise.allSettled([...running]);
}
