// Hand committed outbox events to Inngest. The outbox id is the Inngest event id, so sending the
// same event twice (a relay racing a slow first send) starts its fan-out once.
import { inngest } from "@/inngest/client";
import { platformEventCommitted } from "@/inngest/events";
import { pool } from "../db";
import { logger } from "../logger";

/** Events per send: Inngest takes batches; each of ours is about 200 bytes. */
const PUBLISH_BATCH = 500;

export type Publishable = { id: string; type: string; projectIds: string[] };

/**
 * Send committed events to Inngest, then mark them published (the relay re-sends the rest).
 * `inngestId`: the Inngest event id, the outbox id unless a lost run is being replaced.
 */
export async function publishEvents(
  rows: Publishable[],
  inngestId: (row: Publishable) => string = (row) => row.id,
): Promise<number> {
  if (rows.length === 0) return 0;
  const ids = rows.map((r) => r.id);
  try {
    await inngest.send(
      rows.map((r) => ({
        id: inngestId(r),
        name: platformEventCommitted.event,
        data: { eventId: r.id, type: r.type, projectIds: r.projectIds },
      })),
    );
  } catch (error) {
    await pool().query(
      "UPDATE events SET publish_attempts = publish_attempts + 1, last_publish_error = $2 WHERE id = ANY($1::text[])",
      [ids, String((error as Error).message).slice(0, 500)],
    );
    throw error;
  }
  // Plain SQL on the shared pool: this runs after every mutation, and Prisma's per-call work
  // was a measurable part of the API's CPU under load.
  await pool().query(
    `UPDATE events SET published_at = $2::timestamptz AT TIME ZONE 'UTC', publish_attempts = publish_attempts + 1,
       last_publish_error = NULL WHERE id = ANY($1::text[])`,
    [ids, new Date().toISOString()],
  );
  return rows.length;
}

const waiting: Publishable[] = [];
let flushing: Promise<void> | undefined;

/**
 * After the commit, without delaying the API response; failures are left to the relay. One send
 * is in flight at a time and events committed meanwhile go out together in the next one, so under
 * load a send (and its UPDATE) carries many events, and when idle an event leaves at once.
 */
export function publishEventsInBackground(rows: Publishable[]) {
  waiting.push(...rows);
  flushing ??= flush();
}

async function flush() {
  while (waiting.length) {
    const batch = waiting.splice(0, PUBLISH_BATCH);
    await publishEvents(batch).catch((error) =>
      logger.warn({ err: error, events: batch.length }, "event publish failed; the relay will retry"),
    );
  }
  flushing = undefined;
}

/** Wait until every event handed over so far has been sent or has failed (tests, shutdown). */
export async function settlePublishing() {
  while (flushing) await flushing;
}
