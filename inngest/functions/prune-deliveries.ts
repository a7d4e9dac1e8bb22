// Daily retention of the delivery log, in steps of at most 20 s each until nothing is left.
import { pruneDeliveries } from "@/lib/delivery-log/prune-deliveries";
import { inngest } from "../client";

const MAX_STEPS = 200;

export const pruneDeliveriesFunction = inngest.createFunction(
  { id: "prune-deliveries", retries: 3, concurrency: { limit: 1 }, triggers: [{ cron: "17 3 * * *" }] },
  async ({ step }) => {
    const now = new Date().toISOString();
    let deleted = 0;
    for (let i = 0; i < MAX_STEPS; i++) {
      const r = await step.run(`prune-${i}`, () => pruneDeliveries(new Date(now)));
      deleted += r.attempts + r.deliveries + r.traces;
      if (!r.more) break;
    }
    return { deleted };
  },
);
