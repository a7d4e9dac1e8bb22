// The work of one event's fan-out: match, make every first attempt concurrently (bounded overall
// and per endpoint), then record the traces, the deliveries and the attempts in one transaction,
// and report which deliveries need a durable retry.
//
// The critical path before the first request is one round trip (the event and the matching
// webhooks are read together). Re-running after a crash is safe: a delivery an earlier run
// recorded is not sent again; one sent but not recorded goes again under the same webhook-id.
import { randomUUID } from "node:crypto";
import { BoundedCache } from "../bounded-cache";
import { pool } from "../db";
import { type AttemptRecord, type NewDelivery, performAttempt, recordAttempts } from "./attempt";
import { mapBounded } from "./bounded";
import { fanOutConcurrency, perEndpointConcurrency } from "./config";
import { matchWebhooks } from "./match-webhooks";
import { bodyBuilder, eventMessageId, todoOf } from "./payload";
import { signingSecrets } from "./signing-secrets";

export type RetryRequest = { deliveryId: string; webhookId: string; retryAfterMs: number | null };

type EventRow = {
  type: string;
  projectId: string;
  projectIds: string[];
  occurredAt: Date;
  previousValue: unknown;
  currentValue: unknown;
};

async function loadEvent(eventId: string): Promise<EventRow | undefined> {
  const { rows } = await pool().query<EventRow>(
    `SELECT type, project_id AS "projectId", project_ids AS "projectIds",
            occurred_at AT TIME ZONE 'UTC' AS "occurredAt",
            previous_value AS "previousValue", current_value AS "currentValue"
       FROM events WHERE id = $1`,
    [eventId],
  );
  return rows[0];
}

export async function fanOutEvent(
  eventId: string,
  known?: { type: string; projectIds: string[] },
): Promise<{ matched: number; retries: RetryRequest[] }> {
  const [event, matches] = known
    ? await Promise.all([loadEvent(eventId), matchWebhooks(eventId, known.type, known.projectIds)])
    : await loadEvent(eventId).then(
        async (e) => [e, e ? await matchWebhooks(eventId, e.type, e.projectIds) : []] as const,
      );
  if (!event || matches.length === 0) return { matched: 0, retries: [] };

  const todo = todoOf(event.currentValue ?? event.previousValue);
  const bodyFor = bodyBuilder({
    id: eventId,
    timestamp: event.occurredAt,
    event: event.type,
    previousValue: event.previousValue,
    currentValue: event.currentValue,
  });
  // Sorted by webhook, so concurrent fan-outs take their row locks in the same order.
  const deliverable = matches
    .filter((m) => m.outcome === "MATCHED" || m.outcome === "DISABLED")
    .sort((a, b) => (a.webhook.id < b.webhook.id ? -1 : 1))
    .map(({ webhook, outcome }) => ({
      webhook,
      row: {
        id: webhook.existingDeliveryId ?? randomUUID(),
        webhookId: webhook.id,
        eventType: event.type,
        messageId: eventMessageId(eventId, webhook.id),
        body: bodyFor(webhook),
        status: outcome === "MATCHED" ? ("PENDING" as const) : ("SKIPPED" as const),
      },
    }));
  const toSend = deliverable.filter(
    (d) => d.row.status === "PENDING" && (d.webhook.existingStatus === null || d.webhook.existingStatus === "PENDING"),
  );

  const records: AttemptRecord[] = await mapBounded(
    toSend,
    { limit: fanOutConcurrency(), perKey: perEndpointConcurrency(), key: (d) => originOf(d.webhook.url) },
    ({ webhook, row }) => performAttempt({ ...row, url: webhook.url }, signingSecrets(webhook), 1, "auto"),
  );
  const fresh: NewDelivery[] = deliverable
    .filter((d) => d.webhook.existingDeliveryId === null)
    .map(({ row }) => ({
      ...row,
      eventId,
      projectId: event.projectId,
      todoId: todo.id,
      todoTitle: todo.title,
    }));
  const steps = await recordAttempts(records, {
    newDeliveries: fresh,
    alsoWrite: (client) =>
      client.query(
        `INSERT INTO event_traces (event_id, webhook_id, outcome, created_at)
         SELECT $1, v.webhook_id, v.outcome::"TraceOutcome", now() AT TIME ZONE 'UTC'
           FROM unnest($2::text[], $3::text[]) AS v(webhook_id, outcome)
         ON CONFLICT DO NOTHING`,
        [eventId, matches.map((m) => m.webhook.id), matches.map((m) => m.outcome)],
      ),
  });
  const retries: RetryRequest[] = records.flatMap((r, i) => {
    const step = steps[i];
    return step.retry
      ? [{ deliveryId: r.delivery.id, webhookId: r.delivery.webhookId, retryAfterMs: step.retryAfterMs ?? null }]
      : [];
  });
  // A repeat of this fan-out (after a crash between recording and scheduling) schedules again
  // the retry chains of first attempts an earlier run recorded; their ids make that idempotent.
  for (const { webhook } of deliverable) {
    if (webhook.existingStatus === "RETRYING" && webhook.existingAttempts === 1 && webhook.existingDeliveryId) {
      retries.push({ deliveryId: webhook.existingDeliveryId, webhookId: webhook.id, retryAfterMs: null });
    }
  }
  return { matched: matches.filter((m) => m.outcome === "MATCHED").length, retries };
}

const origins = new BoundedCache<string>(10_000);

/** The per-endpoint concurrency key (parsing a URL per delivery is not free). */
const originOf = (url: string) => origins.getOrCompute(url, () => new URL(url).origin);
