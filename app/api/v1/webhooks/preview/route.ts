import { withUser } from "@/lib/api/handler";
import { otherMethods } from "@/lib/api/methods";
import { readJson } from "@/lib/api/request";
import { respond } from "@/lib/api/response";
import { webhookPreviewResponse, webhookPreviewSchema } from "@/lib/validations/webhook-preview";
import { previewWebhook } from "@/lib/webhooks/preview-webhook";

// POST /api/v1/webhooks/preview — what a selection and conditions would have sent in the last days (nothing is saved)
export const POST = withUser(async ({ req, user }) =>
  respond(webhookPreviewResponse, await previewWebhook(user.id, await readJson(req, webhookPreviewSchema))),
);

// Any other method — 405 method_not_allowed, naming the allowed ones in `Allow`
export const { GET, HEAD, OPTIONS, PUT, PATCH, DELETE } = otherMethods({ POST });
