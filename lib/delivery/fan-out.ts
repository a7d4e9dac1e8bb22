// The work of one event's fan-out: match, trace, create the deliveries, make every first attempt
// concurrently (bounded overall and per endpoint), record them in one go, and report which
// deliveries need a durable retry. Safe to run again after a crash: deliveries are created once
// per (event, webhook), and only those not yet attempted are sent.
import { randomUUID } from "node:crypto";
import { db } from "../db";
import { type AttemptRecord, nextStep, performAttempt, recordAttempts } from "./attempt";
import { mapBounded } from "./bounded";
import { fanOutConcurrency, perEndpointConcurrency } from "./config";
import { matchWebhooks } from "./match-webhooks";
import { deliveryBody, eventMessageId, todoOf } from "./payload";
import { signingSecrets } from "./signing-secrets";

export type RetryRequest = { deliveryId: string; webhookId: string; retryAfterMs: number | null };

export async function fanOutEvent(eventId: string): Promise<{ matched: number; retries: RetryRequest[] }> {
  const event = await db().event.findUnique({ where: { id: eventId } });
  if (!event) return { matched: 0, retries: [] };
  const matches = await matchWebhooks(event.type, event.projectIds);
  if (matches.length === 0) return { matched: 0, retries: [] };

  await db().eventTrace.createMany({
    data: matches.map((m) => ({ eventId, webhookId: m.webhook.id, outcome: m.outcome })),
    skipDuplicates: true,
  });
  // Sorted by webhook, so concurrent fan-outs take their row locks in the same order.
  const deliverable = matches
    .filter((m) => m.outcome === "MATCHED" || m.outcome === "DISABLED")
    .sort((a, b) => (a.webhook.id < b.webhook.id ? -1 : 1));
  const todo = todoOf(event.currentValue ?? event.previousValue);
  const rows = deliverable.map(({ webhook, outcome }) => ({
    id: randomUUID(),
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
  }));
  const { count } = await db().delivery.createMany({ data: rows, skipDuplicates: true });

  const matched = new Map(matches.filter((m) => m.outcome === "MATCHED").map((m) => [m.webhook.id, m.webhook]));
  // The usual case: every row is new and pending. After a crash, some exist already: ask which
  // are still pending (sent but unrecorded ones go again, under the same webhook-id).
  const pending =
    count === rows.length
      ? rows.filter((r) => r.status === "PENDING")
      : await db().delivery.findMany({
          where: { eventId, status: "PENDING", webhookId: { in: [...matched.keys()] } },
          select: { id: true, webhookId: true, messageId: true, body: true, eventType: true },
        });
  const records: AttemptRecord[] = await mapBounded(
    pending,
    {
      limit: fanOutConcurrency(),
      perKey: perEndpointConcurrency(),
      key: (d) => new URL(matched.get(d.webhookId)!.url).origin,
    },
    (d) => {
      const webhook = matched.get(d.webhookId)!;
      return performAttempt({ ...d, url: webhook.url }, signingSecrets(webhook), 1, "auto");
    },
  );
  await recordAttempts(records);
  const retries = records.flatMap((r) => {
    const step = nextStep(r);
    return step.retry
      ? [{ deliveryId: r.delivery.id, webhookId: r.delivery.webhookId, retryAfterMs: step.retryAfterMs ?? null }]
      : [];
  });
  return { matched: matched.size, retries };
}
