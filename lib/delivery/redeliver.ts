// A fresh chain of attempts for a delivery (redeliver one, or replay many): same body, same
// webhook-id, attempts numbered after the ones it already had, run by the retry function.
import { inngest } from "@/inngest/client";
import { deliveryRetryRequested } from "@/inngest/events";
import { db } from "../db";
import { MAX_ATTEMPTS } from "./config";

export async function startAttemptChains(deliveries: { id: string; webhookId: string; attemptCount: number }[]) {
  if (deliveries.length === 0) return 0;
  await db().delivery.updateMany({
    where: { id: { in: deliveries.map((d) => d.id) } },
    data: { status: "RETRYING", nextAttemptAt: new Date(), completedAt: null },
  });
  await inngest.send(
    deliveries.map((d) => ({
      id: `chain-${d.id}-${d.attemptCount}`,
      name: deliveryRetryRequested.event,
      data: {
        deliveryId: d.id,
        webhookId: d.webhookId,
        retryAfterMs: null,
        first: d.attemptCount + 1,
        last: d.attemptCount + MAX_ATTEMPTS,
        waitFirst: false,
        trigger: "manual" as const,
      },
    })),
  );
  return deliveries.length;
}
