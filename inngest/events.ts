// Typed, zod-validated Inngest events of the app.
import { eventType } from "inngest";
import { z } from "zod";

/** A platform event committed to the outbox; its Inngest event id is the outbox row id. */
export const platformEventCommitted = eventType("platform/event.committed", {
  schema: z.object({ eventId: z.string(), type: z.string(), projectIds: z.array(z.string()) }),
});
