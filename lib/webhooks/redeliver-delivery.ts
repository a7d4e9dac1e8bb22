import { ApiError } from "../api/errors";
import { db } from "../db";
import { startChains } from "../delivery-engine/redeliver";

/** Redeliver one of the caller's event deliveries (only its webhook's creator may). */
export async function redeliverDelivery(userId: string, deliveryId: string) {
  const delivery = await db().delivery.findFirst({
    where: { id: deliveryId, webhook: { createdById: userId } },
    select: {
      id: true,
      webhookId: true,
      attemptCount: true,
      kind: true,
      status: true,
      webhook: { select: { enabled: true } },
    },
  });
  if (!delivery) throw ApiError.notFound("Delivery");
  if (delivery.kind !== "event")
    throw new ApiError("conflict", "Only event deliveries can be redelivered; send a new test instead");
  if (delivery.status === "RETRYING" || delivery.status === "PENDING")
    throw new ApiError("conflict", "This delivery is still being attempted");
  if (!delivery.webhook.enabled) throw new ApiError("conflict", "Enable the webhook before redelivering to it");
  const started = await startChains({ deliveryIds: [delivery.id] }, "manual");
  if (started.length === 0) throw new ApiError("conflict", "This delivery is still being attempted");
  return { id: delivery.id, status: "PENDING" };
}
