import { withUser } from "@/lib/api/handler";
import { noContent } from "@/lib/api/response";
import { revokeApiToken } from "@/lib/api-tokens/revoke-api-token";

// DELETE /api/v1/api-tokens/{id} — revoke a token at once
export const DELETE = withUser<{ id: string }>(async ({ user, params }) => {
  await revokeApiToken(user.id, params.id);
  return noContent();
});
