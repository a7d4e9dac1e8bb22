import { withUser } from "@/lib/api/handler";
import { otherMethods } from "@/lib/api/methods";
import { respondWithSecret } from "@/lib/api/response";
import { appUrl } from "@/lib/invitations/invitation-link";
import { resendInvitation } from "@/lib/invitations/resend-invitation";
import { invitationResponse } from "@/lib/validations/invitation";

// POST /api/v1/invitations/{id}/resend — a new link, expiry and e-mail; the old link stops working
export const POST = withUser<{ id: string }>(async ({ req, user, params }) =>
  respondWithSecret(invitationResponse, { data: await resendInvitation(user.id, params.id, appUrl(req)) }),
);

// Any other method — 405 method_not_allowed, naming the allowed ones in `Allow`
export const { GET, HEAD, OPTIONS, PUT, PATCH, DELETE } = otherMethods({ POST });
