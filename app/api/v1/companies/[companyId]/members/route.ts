import { withUser } from "@/lib/api/handler";
import { otherMethods } from "@/lib/api/methods";
import { respond } from "@/lib/api/response";
import { listCompanyMembers } from "@/lib/people/list-company-members";
import { companyMemberListResponse } from "@/lib/validations/people";

// GET /api/v1/companies/{companyId}/members — the company's people, each with their projects in it
export const GET = withUser<{ companyId: string }>(async ({ user, params }) =>
  respond(companyMemberListResponse, { data: await listCompanyMembers(user.id, params.companyId) }),
);

// Any other method — 405 method_not_allowed, naming the allowed ones in `Allow`
export const { OPTIONS, POST, PUT, PATCH, DELETE } = otherMethods({ GET });
