import { ApiError } from "../api/errors";
import { db } from "../db";

type Waiting = {
  reason: "in_flight" | "paused" | "earlier_event" | "scheduled" | "queued";
  until: Date | null;
  blockedBy: string | null;
};

/**
 * Why a delivery that has not ended is waiting: an attempt is under way; the receiver asked its
 * lane to pause; an earlier event of the same record (ordered webhooks) has not ended; a retry is
 * scheduled; or it is queued in its lane (behind the webhook's width or rate).
 */
async function waitingReason(d: {
  id: string;
  webhookId: string;
  todoId: string | null;
  eventSequence: bigint | null;
  leaseUntil: Date | null;
  nextAttemptAt: Date | null;
}): Promise<Waiting> {
  const now = new Date();
  if (d.leaseUntil && d.leaseUntil > now) {
    // A retry held by a process for its wait is leased before it starts.
    if (d.nextAttemptAt && d.nextAttemptAt > now)
      return { reason: "scheduled", until: d.nextAttemptAt, blockedBy: null };
    return { reason: "in_flight", until: null, blockedBy: null };
  }
  const [lane, webhook] = await Promise.all([
    db().deliveryLane.findUnique({ where: { webhookId: d.webhookId } }),
    db().webhook.findUniqueOrThrow({ where: { id: d.webhookId }, select: { orderedDelivery: true } }),
  ]);
  if (lane?.pausedUntil && lane.pausedUntil > now)
    return { reason: "paused", until: lane.pausedUntil, blockedBy: null };
  if (webhook.orderedDelivery && d.todoId && d.eventSequence !== null) {
    const earlier = await db().delivery.findFirst({
      where: {
        webhookId: d.webhookId,
        todoId: d.todoId,
        eventSequence: { lt: d.eventSequence },
        status: { in: ["PENDING", "RETRYING"] },
      },
      orderBy: { eventSequence: "asc" },
      select: { id: true },
    });
    if (earlier) return { reason: "earlier_event", until: null, blockedBy: earlier.id };
  }
  if (d.nextAttemptAt && d.nextAttemptAt > now) return { reason: "scheduled", until: d.nextAttemptAt, blockedBy: null };
  return { reason: "queued", until: null, blockedBy: null };
}

/** One delivery with every attempt, for its webhook's creator only. */
export async function getDelivery(userId: string, id: string) {
  const delivery = await db().delivery.findFirst({
    where: { id, webhook: { createdById: userId } },
    include: { attempts: { orderBy: { number: "asc" } } },
  });
  if (!delivery) throw ApiError.notFound("Delivery");
  const open = delivery.status === "PENDING" || delivery.status === "RETRYING";
  return {
    ...delivery,
    waiting: open ? await waitingReason(delivery) : null,
    attempts: delivery.attempts.map((a) => ({
      ...a,
      requestHeaders: a.requestHeaders as Record<string, string>,
      responseHeaders: a.responseHeaders as Record<string, string> | null,
    })),
  };
}
