import { withUser } from "@/lib/api/handler";
import { otherMethods } from "@/lib/api/methods";
import { readJson } from "@/lib/api/request";
import { respondWithSecret } from "@/lib/api/response";
import { createInvitation } from "@/lib/invitations/create-invitation";
import { appUrl } from "@/lib/invitations/invitation-link";
import { listCompanyInvitations } from "@/lib/invitations/list-company-invitations";
import { createInvitationSchema, invitationListResponse, invitationResponse } from "@/lib/validations/invitation";

type Params = { companyId: string };

// GET /api/v1/companies/{companyId}/invitations — the company's invitations, newest first (OWNER or ADMIN)
export const GET = withUser<Params>(async ({ req, user, params }) =>
  respondWithSecret(invitationListResponse, {
    data: await listCompanyInvitations(user.id, params.companyId, appUrl(req)),
  }),
);

// POST /api/v1/companies/{companyId}/invitations — invite by e-mail into the company and some projects; returns the link
export const POST = withUser<Params>(async ({ req, user, params }) => {
  const input = await readJson(req, createInvitationSchema);
  const invitation = await createInvitation(user.id, params.companyId, input, appUrl(req));
  return respondWithSecret(invitationResponse, { data: invitation }, { status: 201 });
});

// Any other method — 405 method_not_allowed, naming the allowed ones in `Allow`
export const { OPTIONS, PUT, PATCH, DELETE } = otherMethods({ GET, POST });
