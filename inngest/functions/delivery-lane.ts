// A webhook's delivery lane (lib/delivery-engine/lanes.ts). One run of this function executes at a time
// per webhook (the concurrency key), and each of its steps is one short pump that starts the
// attempts that may start now and returns; the attempts run in the background. So a webhook's
// lane holds at most one concurrency slot, for milliseconds, whatever its receiver does, and a
// slow, failing or flooded webhook delays only itself. Between pumps the run sleeps, holding
// nothing, until the lane's next retry, rate slot or lease is due; a finished attempt of a full
// lane starts a fresh run (a new generation), which supersedes this one.
import { launchAttempts } from "@/lib/delivery-engine/background-sender";
import { handOverLane, pumpLane } from "@/lib/delivery-engine/lanes";
import { inngest } from "../client";
import { laneWakeRequested } from "../events";

/** Pumps per run (two steps each); then the lane goes on in a fresh run, far below Inngest's step limit. */
const PUMPS_PER_RUN = 100;

export const deliveryLane = inngest.createFunction(
  {
    id: "delivery-lane",
    retries: 3,
    concurrency: { limit: 1, key: "event.data.webhookId" },
    triggers: [laneWakeRequested],
  },
  async ({ event, step }) => {
    const { webhookId, generation } = event.data;
    for (let i = 0; i < PUMPS_PER_RUN; i++) {
      const next = await step.run(`pump-${i}`, async () => {
        const result = await pumpLane(webhookId, generation);
        launchAttempts(result.claimed, { viaLane: true });
        return result.next;
      });
      if (next === null) return { pumps: i + 1 };
      await step.sleepUntil(`wait-${i}`, new Date(next));
    }
    await step.run("hand-over", () => handOverLane(webhookId, generation));
    return { pumps: PUMPS_PER_RUN };
  },
);
