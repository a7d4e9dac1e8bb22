// One run per committed event, and one call into the app per run: the fan-out matches, makes the
// first attempts inline within a small budget and hands everything else to the webhooks' lanes
// (lib/delivery-engine/fan-out.ts). No step.run, on purpose: a function with one step costs two calls
// from Inngest, and each call is several ms of this process's CPU. The run is safe to repeat as a
// whole instead: deliveries an earlier run wrote are not sent again.
import { fanOutEvent } from "@/lib/delivery-engine/fan-out";
import { inngest } from "../client";
import { platformEventCommitted } from "../events";

export const fanOut = inngest.createFunction(
  { id: "fan-out", retries: 3, triggers: [platformEventCommitted] },
  async ({ event }) => fanOutEvent(event.data.eventId, event.data),
);
