// The outbox's backstops, run by the relay: committed events that never reached Inngest, and
// events that reached it but whose fan-out never completed.
import { db, pool } from "../db";
import { publishEvents } from "./publish-events";

/** Events older than this and still unpublished are taken to have missed their first send. */
export const RELAY_GRACE_MS = 5_000;
/**
 * A published event whose fan-out has not completed this long after its hand-off is taken to
 * have lost its run: every retry of it failed (the app was down or crashing through all of
 * them). Far longer than any backlog or retry schedule of a run that is still alive, so a live
 * run is almost never doubled — and a doubled one is harmless: the fan-out writes an event's
 * deliveries once, and a second run sends nothing again.
 */
export const FAN_OUT_GRACE_MS = 15 * 60_000;
const BATCH = 500;

/** Re-send committed events that never reached Inngest (it was down, or the process died). */
export async function relayUnpublished(now = new Date()): Promise<number> {
  let total = 0;
  for (;;) {
    const rows = await db().event.findMany({
      where: { publishedAt: null, occurredAt: { lt: new Date(now.getTime() - RELAY_GRACE_MS) } },
      orderBy: { sequence: "asc" },
      take: BATCH,
      select: { id: true, type: true, projectIds: true },
    });
    if (rows.length === 0) return total;
    total += await publishEvents(rows);
    if (rows.length < BATCH) return total;
  }
}

/**
 * Hand over again, as new Inngest events (Inngest keeps an event id's run for a day, so the same
 * id would start nothing), events whose fan-out run ended without fanning them out. Each gets
 * FAN_OUT_GRACE_MS more before it can be handed over again. One batch a call: the relay calls
 * again ten seconds later.
 */
export async function relayNotFannedOut(now = new Date()): Promise<number> {
  const { rows } = await pool().query<{ id: string; type: string; projectIds: string[]; attempts: number }>(
    `SELECT id, type, project_ids AS "projectIds", publish_attempts AS attempts FROM events
      WHERE fanned_out_at IS NULL AND published_at IS NOT NULL
        AND published_at < $1::timestamptz AT TIME ZONE 'UTC'
      ORDER BY published_at LIMIT ${BATCH}`,
    [new Date(now.getTime() - FAN_OUT_GRACE_MS).toISOString()],
  );
  const again = new Map(rows.map((r) => [r.id, `${r.id}:again-${r.attempts}`]));
  return publishEvents(rows, (r) => again.get(r.id)!);
}
