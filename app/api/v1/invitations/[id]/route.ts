import { withUser } from "@/lib/api/handler";
import { otherMethods } from "@/lib/api/methods";
import { noContent } from "@/lib/api/response";
import { revokeInvitation } from "@/lib/invitations/revoke-invitation";

// DELETE /api/v1/invitations/{id} — revoke a pending invitation: its link stops working
export const DELETE = withUser<{ id: string }>(async ({ user, params }) => {
  await revokeInvitation(user.id, params.id);
  return noContent();
});

// Any other method — 405 method_not_allowed, naming the allowed ones in `Allow`
export const { GET, HEAD, OPTIONS, POST, PUT, PATCH } = otherMethods({ DELETE });
