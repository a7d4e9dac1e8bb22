import { withUser } from "@/lib/api/handler";
import { otherMethods } from "@/lib/api/methods";
import { respond } from "@/lib/api/response";
import { webhookHealthResponse } from "@/lib/validations/webhook";
import { getWebhookWithHealth } from "@/lib/webhooks/get-webhook";

// GET /api/v1/webhooks/{id}/health — state, 24 h success rate, latency percentiles, countdown to disable
export const GET = withUser<{ id: string }>(async ({ user, params }) =>
  respond(webhookHealthResponse, (await getWebhookWithHealth(user.id, params.id)).health),
);

// Any other method — 405 method_not_allowed, naming the allowed ones in `Allow`
export const { OPTIONS, POST, PUT, PATCH, DELETE } = otherMethods({ GET });
