import { withUser } from "@/lib/api/handler";
import { otherMethods } from "@/lib/api/methods";
import { readJson } from "@/lib/api/request";
import { noContent, respond } from "@/lib/api/response";
import { deleteCompany } from "@/lib/companies/delete-company";
import { getCompany } from "@/lib/companies/get-company";
import { renameCompany } from "@/lib/companies/rename-company";
import { companyNameSchema, companyResponse } from "@/lib/validations/company";

type Params = { companyId: string };

// GET /api/v1/companies/{companyId} — one of your companies
export const GET = withUser<Params>(async ({ user, params }) =>
  respond(companyResponse, { data: await getCompany(user.id, params.companyId) }),
);

// PATCH /api/v1/companies/{companyId} — rename the company (OWNER or ADMIN)
export const PATCH = withUser<Params>(async ({ req, user, params }) => {
  const company = await renameCompany(user.id, params.companyId, await readJson(req, companyNameSchema));
  return respond(companyResponse, { data: company });
});

// DELETE /api/v1/companies/{companyId} — delete the company and its projects (OWNER; PROJECT_DELETED each)
export const DELETE = withUser<Params>(async ({ user, params }) => {
  await deleteCompany(user.id, params.companyId);
  return noContent();
});

// Any other method — 405 method_not_allowed, naming the allowed ones in `Allow`
export const { OPTIONS, POST, PUT } = otherMethods({ GET, PATCH, DELETE });
