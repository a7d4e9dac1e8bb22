import { withUser } from "@/lib/api/handler";
import { otherMethods } from "@/lib/api/methods";
import { readJson } from "@/lib/api/request";
import { respond } from "@/lib/api/response";
import { createProject } from "@/lib/projects/create-project";
import { listCompanyProjects } from "@/lib/projects/list-company-projects";
import { createProjectSchema, projectListResponse, projectResponse } from "@/lib/validations/project";

type Params = { companyId: string };

// GET /api/v1/companies/{companyId}/projects — all of them for OWNERs and ADMINs, your own for a MEMBER
export const GET = withUser<Params>(async ({ user, params }) =>
  respond(projectListResponse, { data: await listCompanyProjects(user.id, params.companyId) }),
);

// POST /api/v1/companies/{companyId}/projects — create a project; you are its OWNER (PROJECT_CREATED)
export const POST = withUser<Params>(async ({ req, user, params }) => {
  const project = await createProject(user.id, params.companyId, await readJson(req, createProjectSchema));
  return respond(projectResponse, { data: project }, { status: 201 });
});

// Any other method — 405 method_not_allowed, naming the allowed ones in `Allow`
export const { OPTIONS, PUT, PATCH, DELETE } = otherMethods({ GET, POST });
