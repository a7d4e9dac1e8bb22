// Every minute, six passes ten seconds apart, whatever missed its hand-off is handed over again:
// committed events that never reached Inngest (it was down, or the process died after the
// commit) or whose fan-out run failed for good, lane wake-ups whose run never came, and queued
// e-mails not yet sent.
import { relayLaneWakes } from "@/lib/delivery-engine/lanes";
import { relayNotFannedOut, relayUnpublished } from "@/lib/events/relay-unpublished";
import { sendQueuedEmails } from "@/lib/notify/email-outbox";
import { inngest } from "../client";

const PASSES = 6;

export const relayOutbox = inngest.createFunction(
  { id: "relay-outbox", retries: 2, concurrency: { limit: 1 }, triggers: [{ cron: "* * * * *" }] },
  async ({ step }) => {
    let relayed = 0;
    for (let pass = 0; pass < PASSES; pass++) {
      relayed += await step.run(`relay-${pass}`, async () => {
        const [events, lost, lanes, emails] = await Promise.all([
          relayUnpublished(),
          relayNotFannedOut(),
          relayLaneWakes(),
          sendQueuedEmails(),
        ]);
        return events + lost + lanes + emails;
      });
      if (pass < PASSES - 1) await step.sleep(`pause-${pass}`, "10s");
    }
    return { relayed };
  },
);
