import { withUser } from "@/lib/api/handler";
import { otherMethods } from "@/lib/api/methods";
import { noContent } from "@/lib/api/response";
import { revokeApiToken } from "@/lib/api-tokens/revoke-api-token";

// DELETE /api/v1/api-tokens/{id} — revoke a token at once
export const DELETE = withUser<{ id: string }>(async ({ user, params }) => {
  await revokeApiToken(user.id, params.id);
  return noContent();
});

// Any other method — 405 method_not_allowed, naming the allowed ones in `Allow`
export const { GET, HEAD, OPTIONS, POST, PUT, PATCH } = otherMethods({ DELETE });
