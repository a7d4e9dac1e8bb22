// Every minute, six passes ten seconds apart: committed events that missed their first send to
// Inngest (it was down, or the process died after the commit) are sent again.
import { relayUnpublished } from "@/lib/events/relay-unpublished";
import { inngest } from "../client";

const PASSES = 6;

export const relayOutbox = inngest.createFunction(
  { id: "relay-outbox", retries: 2, concurrency: { limit: 1 }, triggers: [{ cron: "* * * * *" }] },
  async ({ step }) => {
    let relayed = 0;
    for (let pass = 0; pass < PASSES; pass++) {
      relayed += await step.run(`relay-${pass}`, () => relayUnpublished());
      if (pass < PASSES - 1) await step.sleep(`pause-${pass}`, "10s");
    }
    return { relayed };
  },
);
