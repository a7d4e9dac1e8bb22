import { withUser } from "@/lib/api/handler";
import { otherMethods } from "@/lib/api/methods";
import { respondWithSecret } from "@/lib/api/response";
import { appUrl } from "@/lib/invitations/invitation-link";
import { listMyInvitations } from "@/lib/invitations/list-my-invitations";
import { invitationListResponse } from "@/lib/validations/invitation";

// GET /api/v1/invitations — the pending invitations addressed to your e-mail address
export const GET = withUser(async ({ req, user }) =>
  respondWithSecret(invitationListResponse, { data: await listMyInvitations(user, appUrl(req)) }),
);

// Any other method — 405 method_not_allowed, naming the allowed ones in `Allow`
export const { OPTIONS, POST, PUT, PATCH, DELETE } = otherMethods({ GET });
