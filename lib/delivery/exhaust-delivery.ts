// A delivery has used all its attempts: it fails, and after WEBHOOK_DISABLE_AFTER_EXHAUSTED such
// deliveries (default 1, Blue's rule) its webhook is disabled and its creator told.
import { db } from "../db";
import { disableAfterExhausted, MAX_ATTEMPTS } from "./config";
import { disableWebhook } from "./webhook-health";

export async function exhaustDelivery(deliveryId: string, lastAttempt = MAX_ATTEMPTS) {
  const delivery = await db().delivery.findUnique({ where: { id: deliveryId } });
  // Counted once per chain, even if this step runs again after a crash.
  if (delivery?.status !== "FAILED" || delivery.attemptCount !== lastAttempt || delivery.exhaustedCounted) {
    return { disabled: false };
  }
  const webhook = await db().$transaction(async (tx) => {
    await tx.delivery.update({ where: { id: deliveryId }, data: { exhaustedCounted: true } });
    return tx.webhook.update({ where: { id: delivery.webhookId }, data: { exhaustedDeliveries: { increment: 1 } } });
  });
  if (webhook.exhaustedDeliveries < disableAfterExhausted()) return { disabled: false };
  const disabled = await disableWebhook(
    webhook.id,
    `${MAX_ATTEMPTS} delivery attempts of ${delivery.eventType} failed (last: ${delivery.lastError ?? "no answer"})`,
  );
  return { disabled };
}
