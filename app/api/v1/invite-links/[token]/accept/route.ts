import { withUser } from "@/lib/api/handler";
import { otherMethods } from "@/lib/api/methods";
import { respond } from "@/lib/api/response";
import { acceptInvitation } from "@/lib/invitations/accept-invitation";
import { invitationAnswerResponse } from "@/lib/validations/invitation";

// POST /api/v1/invite-links/{token}/accept — join the company and the projects (PROJECT_MEMBER_ADDED each)
export const POST = withUser<{ token: string }>(async ({ user, params }) =>
  respond(invitationAnswerResponse, { data: await acceptInvitation(user, params.token) }),
);

// Any other method — 405 method_not_allowed, naming the allowed ones in `Allow`
export const { GET, HEAD, OPTIONS, PUT, PATCH, DELETE } = otherMethods({ POST });
