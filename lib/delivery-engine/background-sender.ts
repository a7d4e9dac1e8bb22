// Attempts that outlive the call that started them: a lane's claimed attempts, and fan-out
// attempts still running when its budget ran out. They run in this process, each leased in the
// database (a crash loses nothing: the lane makes a lost attempt again when its lease ends), and
// their outcomes are recorded together — every attempt that finished while the previous write
// was in flight goes into the next transaction.
import { sqlTransaction } from "../db";
import { logger } from "../logger";
import { sendQueuedEmails } from "../notify/email-outbox";
import { releaseSlot, takeSlot } from "./attempt-slots";
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

const running = new Set<Promise<unknown>>();
const queue: AttemptRecord[] = [];
let writing = false;
const WRITE_BATCH = 500;

/** Count work that ends later among what settleBackgroundAttempts waits for. */
export function track<T>(promise: Promise<T>): Promise<T> {
  running.add(promise);
  promise.finally(() => running.delete(promise)).catch(() => undefined);
  return promise;
}

/** Record an attempt soon, together with the others that finish meanwhile. */
export function recordSoon(record: AttemptRecord) {
  queue.push(record);
  if (writing) return;
  writing = true;
  track(writeQueued());
}

async function writeQueued() {
  while (queue.length > 0) {
    const batch = queue.splice(0, WRITE_BATCH);
    try {
      // Every attempt recorded here was leased, and counted by its lane: its end may free a slot
      // of a full lane, and its latency says whether the receiver is slow or fast again.
      const { wakes, emails } = await sqlTransaction((client) => recordAttempts(client, batch, { fromLane: true }));
      await sendLaneWakes(wakes);
      if (emails.length > 0) await sendQueuedEmails(emails);
    } catch (error) {
      // Their leases run out and their lanes make these attempts again.
      logger.error({ err: error, attempts: batch.length }, "attempts not recorded; they are made again");
    }
  }
  writing = false;
}

/** Make a lane's claimed attempts in the background (its pump committed their leases first). */
export function launchAttempts(launches: Launch[]) {
  for (const launch of launches) {
    track(
      (async () => {
        const wait = (launch.startAt ?? 0) - Date.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        takeSlot(launch.delivery.webhookId);
        const record = await performAttempt(launch.delivery, launch.secrets, launch.number, launch.trigger).finally(
          () => releaseSlot(launch.delivery.webhookId),
        );
        recordSoon(record);
      })().catch((error) => logger.debug({ err: error }, "background attempt dropped")),
    );
  }
}

/** Wait until every background attempt has been made and recorded (tests, shutdown). */
export async function settleBackgroundAttempts() {
  while (running.size > 0) await Promise.allSettled([...running]);
}
