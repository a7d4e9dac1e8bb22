// A webhook's delivery lane (lib/delivery-engine/lanes.ts). One run of this function executes at
// a time per webhook (the concurrency key), and a run is one call: a short pump that starts the
// attempts that may start now (they run in the background) and dates the lane's next run for when
// it is due. So a lane holds at most one concurrency slot, for milliseconds, whatever its receiver
// does, and a slow, failing or flooded webhook delays only itself. No step.run, on purpose: a
// step costs a call of its own; a run repeated after a crash finds itself superseded (the pump
// moved the lane's generation) or claims again only what is still due.
import { launchAttempts, track } from "@/lib/delivery-engine/background-sender";
import { pumpLane, sendLaneWakes } from "@/lib/delivery-engine/lanes";
import { inngest } from "../client";
import { laneWakeRequested } from "../events";

export const deliveryLane = inngest.createFunction(
  {
    id: "delivery-lane",
    retries: 3,
    concurrency: { limit: 1, key: "event.data.webhookId" },
    triggers: [laneWakeRequested],
  },
  async ({ event }) => {
    const result = await pumpLane(event.data.webhookId, event.data.generation);
    launchAttempts(result.claimed);
    // The next run's wake-up is sent without holding this run's call slot (the lane row already
    // dates it: should the send be lost, the relay wakes the lane).
    if (result.wake) track(sendLaneWakes([result.wake]));
    return { claimed: result.claimed.length, next: result.wake?.at ?? null, superseded: result.superseded ?? false };
  },
);
