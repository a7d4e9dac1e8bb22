// A chain of attempts for one delivery, one webhook at a time: attempts 2…5 after a failed first
// attempt (or a fresh chain for a redelivery), with the documented backoff or the receiver's
// Retry-After. When the chain runs out, the delivery fails and the webhook may be disabled.
import { exhaustDelivery } from "@/lib/delivery/exhaust-delivery";
import { delayBefore } from "@/lib/delivery/retry-delay";
import { retryDelivery } from "@/lib/delivery/retry-delivery";
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
    const { deliveryId, first, last, waitFirst, trigger } = event.data;
    let retryAfterMs = event.data.retryAfterMs;
    for (let attempt = first; attempt <= last; attempt++) {
      if (attempt > first || waitFirst) {
        await step.sleep(`wait-before-${attempt}`, delayBefore(attempt, last, retryAfterMs));
      }
      // Records the attempt and, when another follows, the time it is due (shown in the log).
      const result = await step.run(`attempt-${attempt}`, () => retryDelivery(deliveryId, attempt, last, trigger));
      if (result.exhausted) return step.run("exhausted", () => exhaustDelivery(deliveryId, last));
      if (result.done) return result;
      retryAfterMs = result.retryAfterMs;
    }
    return { done: true };
  },
);
