import { withUser } from "@/lib/api/handler";
import { respond } from "@/lib/api/response";
import { webhookWithSecretResponse } from "@/lib/validations/webhook";
import { rotateWebhookSecret } from "@/lib/webhooks/rotate-webhook-secret";

// POST /api/v1/webhooks/{id}/rotate-secret — a new secret, shown once; the old one signs too for 24 h
export const POST = withUser<{ id: string }>(async ({ user, params }) =>
  respond(webhookWithSecretResponse, await rotateWebhookSecret(user.id, params.id)),
);
