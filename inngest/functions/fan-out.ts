// One run per committed event, and one call into the app per run: every matching webhook gets
// its first attempt inside this run (no extra hop per delivery), and only failed deliveries get a
// durable retry run of their own.
//
// The work is not wrapped in step.run, on purpose: a function with one step costs two calls from
// Inngest (the step, then the return), and each call is several ms of this process's CPU. The
// run is safe to repeat instead: Inngest retries it as a whole, fanOutEvent never sends a recorded
// delivery again and reports every delivery of the event still waiting for its retry chain, and
// the retry events carry deterministic ids (event id + webhook id), so a repeat cannot start a
// second chain.
import { MAX_ATTEMPTS } from "@/lib/delivery/config";
import { fanOutEvent } from "@/lib/delivery/fan-out";
import { inngest } from "../client";
import { deliveryRetryRequested, platformEventCommitted } from "../events";

export const fanOut = inngest.createFunction(
  { id: "fan-out", retries: 3, triggers: [platformEventCommitted] },
  async ({ event }) => {
    const result = await fanOutEvent(event.data.eventId, event.data);
    if (result.retries.length > 0) {
      await inngest.send(
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
