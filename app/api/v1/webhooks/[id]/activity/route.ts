import { withUser } from "@/lib/api/handler";
import { otherMethods } from "@/lib/api/methods";
import { readQuery } from "@/lib/api/request";
import { respond } from "@/lib/api/response";
import { activityQuery, activityResponse } from "@/lib/validations/webhook";
import { webhookActivity } from "@/lib/webhooks/webhook-activity";

// GET /api/v1/webhooks/{id}/activity — attempts per hour by outcome, with median latency
export const GET = withUser<{ id: string }>(async ({ req, user, params }) => {
  const { range } = readQuery(req, activityQuery);
  return respond(activityResponse, await webhookActivity(user.id, params.id, range));
});

// Any other method — 405 method_not_allowed, naming the allowed ones in `Allow`
export const { OPTIONS, POST, PUT, PATCH, DELETE } = otherMethods({ GET });
