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
 * A chain of attempts for one delivery, run by its own function: attempts 2…5 after a failed
 * first attempt in the fan-out, or a fresh chain of five for a redelivery or replay.
 */
export const deliveryRetryRequested = eventType("webhook/delivery.retry", {
  schema: z.object({
    deliveryId: z.string(),
    webhookId: z.string(),
    retryAfterMs: z.number().nullable(),
    first: z.number().int().min(1),
    last: z.number().int().min(1),
    waitFirst: z.boolean(),
    trigger: z.enum(["retry", "manual"]),
  }),
});
