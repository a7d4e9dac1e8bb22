import { db } from "../db";
import { publishEvents } from "./publish-events";

/** Events older than this and still unpublished are taken to have missed their first send. */
export const RELAY_GRACE_MS = 5_000;
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
