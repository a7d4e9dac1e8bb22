// The smoke function: completes a ping sent through Inngest (GET /api/health/inngest shows it).
import { completePing } from "@/lib/health/inngest-ping";
import { inngest } from "../client";
import { systemPing } from "../events";

export const systemPingFunction = inngest.createFunction(
  { id: "system-ping", retries: 3, triggers: [systemPing] },
  async ({ event, step }) => step.run("complete", () => completePing(event.data.pingId)),
);
