// A delivery has used all its attempts: it fails, and after WEBHOOK_DISABLE_AFTER_EXHAUSTED such
// deliveries (default 1, Blue's rule) its webhook is disabled and its creator told.
import { db } from "../db";
import { disableAfterExhausted, MAX_ATTEMPTS } from "./config";
import { disableWebhook } from "./webhook-health";

export async function exhaustDelivery(deliveryId: string) {
  const delivery = await db().delivery.findUnique({ where: { id: deliveryId } });
  if (!delivery || delivery.status === "DELIVERED" || delivery.status === "SKIPPED") return { disabled: false };
  const webhook = await db().$transaction(async (tx) => {
    await tx.delivery.update({ where: { id: deliveryId }, data: { status: "FAILED", completedAt: new Date() } });
    return tx.webhook.update({ where: { id: delivery.webhookId }, data: { exhaustedDeliveries: { increment: 1 } } });
  });
  if (webhook.exhaustedDeliveries < disableAfterExhausted()) return { disabled: false };
  const disabled = await disableWebhook(
    webhook.id,
    `${MAX_ATTEMPTS} delivery attempts of ${delivery.eventType} failed (last: ${delivery.lastError ?? "no answer"})`,
  );
  return { disabled };
}
