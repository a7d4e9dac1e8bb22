// The work of one event's fan-out: match, make every first attempt concurrently (bounded overall
// and per endpoint), then record the traces, the deliveries and the attempts in one transaction,
// and report which deliveries need a durable retry.
//
// The critical path before the first request is one round trip (the event and the matching
// webhooks are read together). Re-running after a crash is safe: a delivery an earlier run
// recorded is not sent again; one sent but not recorded goes again under the same webhook-id.
import { randomUUID } from "node:crypto";
import { db } from "../db";
import { type AttemptRecord, nextStep, performAttempt, recordAttempts } from "./attempt";
import { mapBounded } from "./bounded";
import { fanOutConcurrency, perEndpointConcurrency } from "./config";
import { matchWebhooks } from "./match-webhooks";
import { deliveryBody, eventMessageId, todoOf } from "./payload";
import { signingSecrets } from "./signing-secrets";

export type RetryRequest = { deliveryId: string; webhookId: string; retryAfterMs: number | null };

export async function fanOutEvent(
  eventId: string,
  known?: { type: string; projectIds: string[] },
): Promise<{ matched: number; retries: RetryRequest[] }> {
  const loadEvent = () => db().event.findUnique({ where: { id: eventId } });
  const [event, matches] = known
    ? await Promise.all([loadEvent(), matchWebhooks(eventId, known.type, known.projectIds)])
    : await loadEvent().then(async (e) => [e, e ? await matchWebhooks(eventId, e.type, e.projectIds) : []] as const);
  if (!event || matches.length === 0) return { matched: 0, retries: [] };

  const todo = todoOf(event.currentValue ?? event.previousValue);
  // Sorted by webhook, so concurrent fan-outs take their row locks in the same order.
  const deliverable = matches
    .filter((m) => m.outcome === "MATCHED" || m.outcome === "DISABLED")
    .sort((a, b) => (a.webhook.id < b.webhook.id ? -1 : 1))
    .map(({ webhook, outcome }) => ({
      webhook,
      row: {
        id: webhook.existingDeliveryId ?? randomUUID(),
        webhookId: webhook.id,
        eventId,
        eventType: event.type,
        projectId: event.projectId,
        todoId: todo.id,
        todoTitle: todo.title,
        messageId: eventMessageId(eventId, webhook.id),
        body: deliveryBody({
          id: eventId,
          timestamp: event.occurredAt,
          event: event.type,
          webhook,
          previousValue: event.previousValue,
          currentValue: event.currentValue,
        }),
        status: outcome === "MATCHED" ? ("PENDING" as const) : ("SKIPPED" as const),
      },
    }));
  const toSend = deliverable.filter(
    (d) => d.row.status === "PENDING" && (d.webhook.existingStatus === null || d.webhook.existingStatus === "PENDING"),
  );

  const records: AttemptRecord[] = await mapBounded(
    toSend,
    { limit: fanOutConcurrency(), perKey: perEndpointConcurrency(), key: (d) => new URL(d.webhook.url).origin },
    ({ webhook, row }) => performAttempt({ ...row, url: webhook.url }, signingSecrets(webhook), 1, "auto"),
  );
  const fresh = deliverable.filter((d) => d.webhook.existingDeliveryId === null).map((d) => d.row);
  await recordAttempts(records, undefined, async (tx) => {
    await tx.eventTrace.createMany({
      data: matches.map((m) => ({ eventId, webhookId: m.webhook.id, outcome: m.outcome })),
      skipDuplicates: true,
    });
    if (fresh.length) await tx.delivery.createMany({ data: fresh, skipDuplicates: true });
  });
  const retries = records.flatMap((r) => {
    const step = nextStep(r);
    return step.retry
      ? [{ deliveryId: r.delivery.id, webhookId: r.delivery.webhookId, retryAfterMs: step.retryAfterMs ?? null }]
      : [];
  });
  return { matched: matches.filter((m) => m.outcome === "MATCHED").length, retries };
}
