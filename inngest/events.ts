// Typed, zod-validated Inngest events of the app.
import { eventType } from "inngest";
import { z } from "zod";

/** A platform event committed to the outbox; its Inngest event id is the outbox row id. */
export const platformEventCommitted = eventType("platform/event.committed", {
  schema: z.object({ eventId: z.string(), type: z.string(), projectIds: z.array(z.string()) }),
});

/** The smoke check: proves events reach Inngest and functions run. */
export const systemPing = eventType("system/ping", { schema: z.object({ pingId: z.string() }) });

/**
 * Pump a webhook's delivery lane. The run started for the lane's current generation owns it;
 * the id `lane-<webhook>-<generation>` makes a repeated send start one run.
 */
export const laneWakeRequested = eventType("webhook/lane.wake", {
  schema: z.object({ webhookId: z.string(), generation: z.string() }),
});
