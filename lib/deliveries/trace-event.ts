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
  const event = await db().event.findUnique({ where: { id: eventId } });
  if (!event) throw ApiError.notFound("Event");
  const member = await db().projectMember.findFirst({ where: { userId, projectId: { in: event.projectIds } } });
  const [webhooks, traces, deliveries] = await Promise.all([
    db().webhook.findMany({
      where: { createdById: userId },
      select: { id: true, name: true },
      orderBy: { createdAt: "asc" },
    }),
    db().eventTrace.findMany({ where: { eventId } }),
    db().delivery.findMany({ where: { eventId }, select: { id: true, webhookId: true, status: true } }),
  ]);
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
