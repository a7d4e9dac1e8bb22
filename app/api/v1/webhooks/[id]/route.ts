import { withUser } from "@/lib/api/handler";
import { otherMethods } from "@/lib/api/methods";
import { readJson } from "@/lib/api/request";
import { noContent, respond } from "@/lib/api/response";
import { updateWebhookSchema, webhookDetailResponse, webhookResponse } from "@/lib/validations/webhook";
import { deleteWebhook } from "@/lib/webhooks/delete-webhook";
import { getWebhookWithHealth } from "@/lib/webhooks/get-webhook";
import { updateWebhook } from "@/lib/webhooks/update-webhook";

// GET /api/v1/webhooks/{id} — one of the caller's webhooks (by id or uid), with its health
export const GET = withUser<{ id: string }>(async ({ user, params }) =>
  respond(webhookDetailResponse, await getWebhookWithHealth(user.id, params.id)),
);

// PATCH /api/v1/webhooks/{id} — change a webhook; events or projectIds replace the whole list
export const PATCH = withUser<{ id: string }>(async ({ req, user, params }) =>
  respond(webhookResponse, await updateWebhook(user.id, params.id, await readJson(req, updateWebhookSchema))),
);

// DELETE /api/v1/webhooks/{id} — delete a webhook
export const DELETE = withUser<{ id: string }>(async ({ user, params }) => {
  await deleteWebhook(user.id, params.id);
  return noContent();
});

// Any other method — 405 method_not_allowed, naming the allowed ones in `Allow`
export const { OPTIONS, POST, PUT } = otherMethods({ GET, PATCH, DELETE });
