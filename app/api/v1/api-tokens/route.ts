import { withUser } from "@/lib/api/handler";
import { otherMethods } from "@/lib/api/methods";
import { readJson } from "@/lib/api/request";
import { respond, respondWithSecret } from "@/lib/api/response";
import { createApiToken } from "@/lib/api-tokens/create-api-token";
import { listApiTokens } from "@/lib/api-tokens/list-api-tokens";
import { apiTokenListResponse, createApiTokenSchema, createdApiTokenResponse } from "@/lib/validations/api-token";

// GET /api/v1/api-tokens — the caller's active API tokens (never the token text)
export const GET = withUser(async ({ user }) => respond(apiTokenListResponse, { data: await listApiTokens(user.id) }));

// POST /api/v1/api-tokens — create a token; its text is in this response only
export const POST = withUser(async ({ req, user }) => {
  const created = await createApiToken(user.id, await readJson(req, createApiTokenSchema));
  return respondWithSecret(createdApiTokenResponse, created, { status: 201 });
});

// Any other method — 405 method_not_allowed, naming the allowed ones in `Allow`
export const { OPTIONS, PUT, PATCH, DELETE } = otherMethods({ GET, POST });
