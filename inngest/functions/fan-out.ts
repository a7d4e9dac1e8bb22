// One run per committed event: every matching webhook gets its first attempt inside this run
// (no extra hop per delivery); only failed deliveries get a durable retry run of their own.
import { MAX_ATTEMPTS } from "@/lib/delivery/config";
import { fanOutEvent } from "@/lib/delivery/fan-out";
import { delayBefore } from "@/lib/delivery/retry-delay";
import { markNextAttempt } from "@/lib/delivery/retry-delivery";
import { inngest } from "../client";
import { deliveryRetryRequested, platformEventCommitted } from "../events";

export const fanOut = inngest.createFunction(
  { id: "fan-out", retries: 3, triggers: [platformEventCommitted] },
  async ({ event, step }) => {
    const result = await step.run("deliver", async () => {
      const out = await fanOutEvent(event.data.eventId, event.data);
      for (const r of out.retries)
        await markNextAttempt(r.deliveryId, new Date(Date.now() + delayBefore(2, MAX_ATTEMPTS, r.retryAfterMs)));
      return out;
    });
    if (result.retries.length > 0) {
      await step.sendEvent(
        "schedule-retries",
        result.retries.map((r) => ({
          id: `retry-${event.data.eventId}-${r.webhookId}`,
          name: deliveryRetryRequested.event,
          data: { ...r, first: 2, last: MAX_ATTEMPTS, waitFirst: true, trigger: "retry" as const },
        })),
      );
    }
    return { matched: result.matched, retrying: result.retries.length };
  },
);
