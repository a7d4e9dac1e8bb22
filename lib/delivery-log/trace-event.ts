import { ApiError } from "../api/errors";
import type { FailedRule } from "../conditions/evaluate";
import { filteredExplanation } from "../conditions/explain";
import { db } from "../db";
import { unselected } from "../delivery-engine/match-webhooks";

const EXPLANATIONS = {
  MATCHED: "Delivered to this webhook (see the delivery)",
  EVENT_NOT_SELECTED: "The webhook does not subscribe to this event type",
  PROJECT_NOT_SELECTED: "The webhook does not cover the project this event happened in",
  ACCESS_REVOKED: "The webhook's creator is no longer a member of the event's project",
  DISABLED: "The webhook was disabled; the delivery was kept as skipped and can be replayed",
  FILTERED: "The event did not meet the webhook's conditions",
  PENDING: "The event has not been processed yet; look again in a moment",
  NOT_CONSIDERED:
    "The webhook selects this event now, but did not when it was processed (it was created or changed since), or its creator was not in the event's projects then",
} as const;

/**
 * "Why was this event (not) delivered?" for each of the caller's webhooks. The fan-out records
 * what became of the webhooks that selected the event: MATCHED as the event's delivery to the
 * webhook, and DISABLED, ACCESS_REVOKED and FILTERED (with the condition rule that failed,
 * explained in the reader's language) as trace rows; for the others the webhook's current
 * selection tells which part leaves the event out.
 */
export async function traceEvent(userId: string, eventId: string) {
  // One snapshot: read while the fan-out commits, the event, its traces and its deliveries must
  // not disagree ("pending" next to a delivered delivery).
  const { event, member, webhooks, traces, deliveries, locale } = await db().$transaction(
    async (tx) => {
      const event = await tx.event.findUnique({ where: { id: eventId } });
      if (!event) throw ApiError.notFound("Event");
      const inProjects = { userId, projectId: { in: event.projectIds } };
      const member =
        (await tx.projectMember.findFirst({ where: inProjects })) ??
        // A deleted project's people keep seeing its PROJECT_DELETED.
        (event.type === "PROJECT_DELETED" ? await tx.deletedProjectMember.findFirst({ where: inProjects }) : null);
      const webhooks = await tx.webhook.findMany({
        where: { createdById: userId },
        select: { id: true, name: true, allEvents: true, events: true, allProjects: true, projectIds: true },
        orderBy: { createdAt: "asc" },
      });
      const traces = await tx.eventTrace.findMany({
        where: { eventId, webhookId: { in: webhooks.map((w) => w.id) } },
      });
      const deliveries = await tx.delivery.findMany({
        where: { eventId, webhookId: { in: webhooks.map((w) => w.id) } },
        select: { id: true, webhookId: true, status: true },
      });
      const locale = traces.some((t) => t.outcome === "FILTERED")
        ? (await tx.user.findUnique({ where: { id: userId }, select: { locale: true } }))?.locale
        : null;
      return { event, member, webhooks, traces, deliveries, locale };
    },
    { isolationLevel: "RepeatableRead" },
  );
  if (!member && traces.length === 0) throw ApiError.notFound("Event");
  // Before the event's fan-out ran, nothing is known yet.
  const processed = event.fannedOutAt !== null || traces.length > 0 || deliveries.length > 0;
  return {
    event: { id: event.id, type: event.type, projectIds: event.projectIds, occurredAt: event.occurredAt },
    webhooks: webhooks.map((w) => {
      const trace = traces.find((t) => t.webhookId === w.id);
      const delivery = deliveries.find((d) => d.webhookId === w.id);
      const recorded = trace?.outcome ?? (delivery ? "MATCHED" : undefined);
      const failedRule = (trace?.failedRule ?? null) as FailedRule | null;
      const outcome: keyof typeof EXPLANATIONS =
        recorded ?? (processed ? (unselected(w, event.type, event.projectIds) ?? "NOT_CONSIDERED") : "PENDING");
      return {
        webhookId: w.id,
        name: w.name,
        outcome,
        explanation:
          outcome === "FILTERED" && failedRule ? filteredExplanation(locale, failedRule) : EXPLANATIONS[outcome],
        failedRule,
        recorded: recorded !== undefined,
        deliveryId: delivery?.id ?? null,
        deliveryStatus: delivery?.status ?? null,
      };
    }),
  };
}
