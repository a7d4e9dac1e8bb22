import { ApiError } from "../api/errors";
import { db } from "../db";

const EXPLANATIONS = {
  MATCHED: "Delivered to this webhook (see the delivery)",
  EVENT_NOT_SELECTED: "The webhook does not subscribe to this event type",
  PROJECT_NOT_SELECTED: "The webhook does not cover the project this event happened in",
  ACCESS_REVOKED: "The webhook's creator is no longer a member of the event's project",
  DISABLED: "The webhook was disabled; the delivery was kept as skipped and can be replayed",
  PENDING: "The event has not been processed yet; look again in a moment",
  NOT_CONSIDERED: "The webhook was created after the event, or its creator was not in the event's projects",
} as const;

/** "Why was this event (not) delivered?" for each of the caller's webhooks. */
export async function traceEvent(userId: string, eventId: string) {
  // One snapshot: read while the fan-out commits, the event, its traces and its deliveries must
  // not disagree ("pending" next to a delivered delivery).
  const { event, member, webhooks, traces, deliveries } = await db().$transaction(
    async (tx) => {
      const event = await tx.event.findUnique({ where: { id: eventId } });
      if (!event) throw ApiError.notFound("Event");
      const member = await tx.projectMember.findFirst({ where: { userId, projectId: { in: event.projectIds } } });
      const webhooks = await tx.webhook.findMany({
        where: { createdById: userId },
        select: { id: true, name: true },
        orderBy: { createdAt: "asc" },
      });
      const traces = await tx.eventTrace.findMany({ where: { eventId } });
      const deliveries = await tx.delivery.findMany({
        where: { eventId },
        select: { id: true, webhookId: true, status: true },
      });
      return { event, member, webhooks, traces, deliveries };
    },
    { isolationLevel: "RepeatableRead" },
  );
  // Traces are written by the event's fan-out: before it ran, nothing is known yet.
  const processed = event.fannedOutAt !== null || traces.length > 0;
  const mine = webhooks.filter((w) => traces.some((t) => t.webhookId === w.id));
  if (!member && mine.length === 0) throw ApiError.notFound("Event");
  return {
    event: { id: event.id, type: event.type, projectIds: event.projectIds, occurredAt: event.occurredAt },
    webhooks: webhooks.map((w) => {
      const outcome: keyof typeof EXPLANATIONS =
        traces.find((t) => t.webhookId === w.id)?.outcome ?? (processed ? "NOT_CONSIDERED" : "PENDING");
      const delivery = deliveries.find((d) => d.webhookId === w.id);
      return {
        webhookId: w.id,
        name: w.name,
        outcome,
        explanation: EXPLANATIONS[outcome],
        deliveryId: delivery?.id ?? null,
        deliveryStatus: delivery?.status ?? null,
      };
    }),
  };
}
