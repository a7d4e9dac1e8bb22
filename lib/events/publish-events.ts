// Hand committed outbox events to Inngest. The outbox id is the Inngest event id, so sending the
// same event twice (a relay racing a slow first send) starts its fan-out once.
import { inngest } from "@/inngest/client";
import { platformEventCommitted } from "@/inngest/events";
import { db } from "../db";
import { logger } from "../logger";

const inFlight = new Set<Promise<unknown>>();

export type Publishable = { id: string; type: string; projectIds: string[] };

/** Send committed events to Inngest, then mark them published (the relay re-sends the rest). */
export async function publishEvents(rows: Publishable[]): Promise<number> {
  if (rows.length === 0) return 0;
  const sentIds = rows.map((r) => r.id);
  try {
    await inngest.send(
      rows.map((r) => ({
        id: r.id,
        name: platformEventCommitted.event,
        data: { eventId: r.id, type: r.type, projectIds: r.projectIds },
      })),
    );
  } catch (error) {
    await db().event.updateMany({
      where: { id: { in: sentIds } },
      data: { publishAttempts: { increment: 1 }, lastPublishError: String((error as Error).message).slice(0, 500) },
    });
    throw error;
  }
  await db().event.updateMany({
    where: { id: { in: sentIds } },
    data: { publishedAt: new Date(), publishAttempts: { increment: 1 }, lastPublishError: null },
  });
  return rows.length;
}

/** After the commit, without delaying the API response; failures are left to the relay. */
export function publishEventsInBackground(rows: Publishable[]) {
  const p = publishEvents(rows)
    .catch((error) => logger.warn({ err: error, events: rows.length }, "event publish failed; the relay will retry"))
    .finally(() => inFlight.delete(p));
  inFlight.add(p);
}

/** Wait for background publishes started so far (tests, graceful shutdown). */
export async function settlePublishing() {
  await Promise.all([...inFlight]);
}
