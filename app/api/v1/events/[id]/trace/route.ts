import { withUser } from "@/lib/api/handler";
import { otherMethods } from "@/lib/api/methods";
import { respond } from "@/lib/api/response";
import { traceEvent } from "@/lib/delivery-log/trace-event";
import { eventTraceResponse } from "@/lib/validations/delivery";

// GET /api/v1/events/{id}/trace — why this event was or was not delivered to each of your webhooks
export const GET = withUser<{ id: string }>(async ({ user, params }) =>
  respond(eventTraceResponse, await traceEvent(user.id, params.id)),
);

// Any other method — 405 method_not_allowed, naming the allowed ones in `Allow`
export const { OPTIONS, POST, PUT, PATCH, DELETE } = otherMethods({ GET });
