import { withUser } from "@/lib/api/handler";
import { otherMethods } from "@/lib/api/methods";
import { readJson } from "@/lib/api/request";
import { noContent, respond } from "@/lib/api/response";
import { changeCompanyRole } from "@/lib/people/change-company-role";
import { removeCompanyMember } from "@/lib/people/remove-company-member";
import { companyMemberResponse, companyRoleInput } from "@/lib/validations/people";

type Params = { companyId: string; userId: string };

// PATCH /api/v1/companies/{companyId}/members/{userId} — change a member's company role (OWNER or ADMIN)
export const PATCH = withUser<Params>(async ({ req, user, params }) => {
  const input = await readJson(req, companyRoleInput);
  return respond(companyMemberResponse, {
    data: await changeCompanyRole(user.id, params.companyId, params.userId, input),
  });
});

// DELETE /api/v1/companies/{companyId}/members/{userId} — remove from the company and its projects; your own id leaves
export const DELETE = withUser<Params>(async ({ user, params }) => {
  await removeCompanyMember(user.id, params.companyId, params.userId);
  return noContent();
});

// Any other method — 405 method_not_allowed, naming the allowed ones in `Allow`
export const { GET, HEAD, OPTIONS, POST, PUT } = otherMethods({ PATCH, DELETE });
