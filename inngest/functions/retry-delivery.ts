// Attempts 2…5 of a delivery, one webhook at a time, with the documented backoff (or the
// receiver's Retry-After). When they run out, the delivery fails and the webhook is disabled.
import { MAX_ATTEMPTS } from "@/lib/delivery/config";
import { exhaustDelivery } from "@/lib/delivery/exhaust-delivery";
import { delayBefore } from "@/lib/delivery/retry-delay";
import { markNextAttempt, retryDelivery } from "@/lib/delivery/retry-delivery";
import { inngest } from "../client";
import { deliveryRetryRequested } from "../events";

export const retryDeliveryFunction = inngest.createFunction(
  {
    id: "retry-delivery",
    retries: 3,
    concurrency: { limit: 1, key: "event.data.webhookId" },
    triggers: [deliveryRetryRequested],
  },
  async ({ event, step }) => {
    const { deliveryId } = event.data;
    let retryAfterMs = event.data.retryAfterMs;
    for (let attempt = 2; attempt <= MAX_ATTEMPTS; attempt++) {
      await step.sleep(`wait-before-${attempt}`, delayBefore(attempt, retryAfterMs));
      const result = await step.run(`attempt-${attempt}`, async () => {
        const r = await retryDelivery(deliveryId, attempt);
        if (!r.done && attempt < MAX_ATTEMPTS) {
          await markNextAttempt(deliveryId, new Date(Date.now() + delayBefore(attempt + 1, r.retryAfterMs)));
        }
        return r;
      });
      if (result.exhausted) return step.run("exhausted", () => exhaustDelivery(deliveryId));
      if (result.done) return result;
      retryAfterMs = result.retryAfterMs;
    }
    return { done: true };
  },
);
