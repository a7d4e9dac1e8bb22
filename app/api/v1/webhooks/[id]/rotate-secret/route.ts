import { withUser } from "@/lib/api/handler";
import { otherMethods } from "@/lib/api/methods";
import { respondWithSecret } from "@/lib/api/response";
import { webhookWithSecretResponse } from "@/lib/validations/webhook";
import { rotateWebhookSecret } from "@/lib/webhooks/rotate-webhook-secret";

// POST /api/v1/webhooks/{id}/rotate-secret — a new secret, shown once; the old one signs too for 24 h
export const POST = withUser<{ id: string }>(async ({ user, params }) =>
  respondWithSecret(webhookWithSecretResponse, await rotateWebhookSecret(user.id, params.id)),
);

// Any other method — 405 method_not_allowed, naming the allowed ones in `Allow`
export const { GET, HEAD, OPTIONS, PUT, PATCH, DELETE } = otherMethods({ POST });
