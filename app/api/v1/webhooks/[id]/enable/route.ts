import { withUser } from "@/lib/api/handler";
import { otherMethods } from "@/lib/api/methods";
import { respond } from "@/lib/api/response";
import { webhookResponse } from "@/lib/validations/webhook";
import { enableWebhook } from "@/lib/webhooks/enable-webhook";

// POST /api/v1/webhooks/{id}/enable — resume deliveries
export const POST = withUser<{ id: string }>(async ({ user, params }) =>
  respond(webhookResponse, await enableWebhook(user.id, params.id)),
);

// Any other method — 405 method_not_allowed, naming the allowed ones in `Allow`
export const { GET, HEAD, OPTIONS, PUT, PATCH, DELETE } = otherMethods({ POST });
