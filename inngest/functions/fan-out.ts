// One run per committed event: every matching webhook gets its first attempt inside this run
// (no extra hop per delivery); only failed deliveries get a durable retry run of their own.
import { MAX_ATTEMPTS } from "@/lib/delivery/config";
import { fanOutEvent } from "@/lib/delivery/fan-out";
import { inngest } from "../client";
import { deliveryRetryRequested, platformEventCommitted } from "../events";

export const fanOut = inngest.createFunction(
  { id: "fan-out", retries: 3, triggers: [platformEventCommitted] },
  async ({ event, step }) => {
    const result = await step.run("deliver", () => fanOutEvent(event.data.eventId, event.data));
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
