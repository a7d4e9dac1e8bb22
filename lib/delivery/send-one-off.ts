// A delivery outside the event flow — a test event or the WEBHOOK_HEALTH_CHECK sent before a
// webhook is enabled again — sent now, recorded like any other, its outcome returned.
import { db } from "../db";
import type { Webhook } from "../generated/prisma/client";
import { type AttemptTrigger, performAttempt, recordAttempts } from "./attempt";
import { deliveryBody, randomMessageId } from "./payload";
import { signingSecrets } from "./signing-secrets";

type WebhookWithSecrets = Webhook;

export async function sendOneOff(
  webhook: WebhookWithSecrets,
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
    data: { webhookId: webhook.id, eventType: opts.eventType, messageId, kind: opts.kind, body, status: "PENDING" },
  });
  const trigger: AttemptTrigger = opts.kind;
  const record = await performAttempt(
    { id: delivery.id, webhookId: webhook.id, messageId, body, eventType: opts.eventType, url: webhook.url },
    signingSecrets(webhook),
    1,
    trigger,
  );
  await recordAttempts([record], { lastAttempt: 1 });
  return { deliveryId: delivery.id, ...record.outcome };
}

export async function loadWebhookWithSecrets(id: string) {
  return db().webhook.findUniqueOrThrow({
    where: { id },
    omit: { secretEncrypted: false, previousSecretEncrypted: false },
  });
}
