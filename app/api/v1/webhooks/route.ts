import { withUser } from "@/lib/api/handler";
import { otherMethods } from "@/lib/api/methods";
import { readJson } from "@/lib/api/request";
import { respond, respondWithSecret } from "@/lib/api/response";
import { createWebhookSchema, webhookListResponse, webhookWithSecretResponse } from "@/lib/validations/webhook";
import { createWebhook } from "@/lib/webhooks/create-webhook";
import { listWebhooks } from "@/lib/webhooks/list-webhooks";

// GET /api/v1/webhooks — the caller's webhooks (never their secrets)
export const GET = withUser(async ({ user }) => respond(webhookListResponse, { data: await listWebhooks(user.id) }));

// POST /api/v1/webhooks — create a webhook; the secret is in this response only
export const POST = withUser(async ({ req, user }) =>
  respondWithSecret(webhookWithSecretResponse, await createWebhook(user.id, await readJson(req, createWebhookSchema)), {
    status: 201,
  }),
);

// Any other method — 405 method_not_allowed, naming the allowed ones in `Allow`
export const { OPTIONS, PUT, PATCH, DELETE } = otherMethods({ GET, POST });
