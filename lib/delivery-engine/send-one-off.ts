// A delivery outside the event flow — a test event or the WEBHOOK_HEALTH_CHECK sent before a
// webhook is enabled again — sent now, recorded like any other (marked as a test or a health
// check in the log), its outcome returned. It never moves the webhook's health or its lane.
import { db, sqlTransaction } from "../db";
import type { Webhook } from "../generated/prisma/client";
import { deliveryBody, randomMessageId } from "./payload";
import { performAttempt } from "./perform-attempt";
import { recordAttempts } from "./record-attempts";
import { signingSecrets } from "./signing-secrets";

export async function sendOneOff(
  webhook: Webhook,
  opts: { eventType: string; kind: "test" | "health_check"; previousValue: unknown; currentValue: unknown },
) {
  const messageId = randomMessageId();
  const body = deliveryBody({
    id: messageId,
    timestamp: new Date(),
    event: opts.eventType,
    webhook,
    previousValue: opts.previousValue,
    currentValue: opts.currentValue,
  });
  const delivery = await db().delivery.create({
    data: {
      webhookId: webhook.id,
      eventType: opts.eventType,
      messageId,
      kind: opts.kind,
      body,
      status: "PENDING",
      chainLast: 1,
      chainTrigger: opts.kind,
    },
  });
  const record = await performAttempt(
    {
      id: delivery.id,
      webhookId: webhook.id,
      messageId,
      body,
      eventType: opts.eventType,
      url: webhook.url,
      kind: opts.kind,
      chainLast: 1,
    },
    signingSecrets(webhook),
    1,
    opts.kind,
  );
  await sqlTransaction((client) => recordAttempts(client, [record]));
  return { deliveryId: delivery.id, ...record.outcome };
}

export async function loadWebhookWithSecrets(id: string) {
  return db().webhook.findUniqueOrThrow({
    where: { id },
    omit: { secretEncrypted: false, previousSecretEncrypted: false },
  });
}
