import { withUser } from "@/lib/api/handler";
import { otherMethods } from "@/lib/api/methods";
import { respond } from "@/lib/api/response";
import { declineInvitation } from "@/lib/invitations/decline-invitation";
import { invitationAnswerResponse } from "@/lib/validations/invitation";

// POST /api/v1/invite-links/{token}/decline — decline an invitation addressed to you
export const POST = withUser<{ token: string }>(async ({ user, params }) =>
  respond(invitationAnswerResponse, { data: await declineInvitation(user, params.token) }),
);

// Any other method — 405 method_not_allowed, naming the allowed ones in `Allow`
export const { GET, HEAD, OPTIONS, PUT, PATCH, DELETE } = otherMethods({ POST });
