import { withUser } from "@/lib/api/handler";
import { otherMethods } from "@/lib/api/methods";
import { readJson } from "@/lib/api/request";
import { respond } from "@/lib/api/response";
import { createCompany } from "@/lib/companies/create-company";
import { listCompanies } from "@/lib/companies/list-companies";
import { companyListResponse, companyNameSchema, companyResponse } from "@/lib/validations/company";

// GET /api/v1/companies — the companies you are a member of, with your role
export const GET = withUser(async ({ user }) => respond(companyListResponse, { data: await listCompanies(user.id) }));

// POST /api/v1/companies — create a company; you are its OWNER (it starts without projects)
export const POST = withUser(async ({ req, user }) => {
  const company = await createCompany(user.id, await readJson(req, companyNameSchema));
  return respond(companyResponse, { data: company }, { status: 201 });
});

// Any other method — 405 method_not_allowed, naming the allowed ones in `Allow`
export const { OPTIONS, PUT, PATCH, DELETE } = otherMethods({ GET, POST });
