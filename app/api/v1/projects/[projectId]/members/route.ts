import { withUser } from "@/lib/api/handler";
import { otherMethods } from "@/lib/api/methods";
import { readJson } from "@/lib/api/request";
import { respond } from "@/lib/api/response";
import { addProjectMember } from "@/lib/people/add-project-member";
import { listProjectMembers } from "@/lib/people/list-project-members";
import { addProjectMemberSchema, projectMemberListResponse, projectMemberResponse } from "@/lib/validations/people";

type Params = { projectId: string };

// GET /api/v1/projects/{projectId}/members — the project's people and their roles
export const GET = withUser<Params>(async ({ user, params }) =>
  respond(projectMemberListResponse, { data: await listProjectMembers(user.id, params.projectId) }),
);

// POST /api/v1/projects/{projectId}/members — add someone of the company (PROJECT_MEMBER_ADDED)
export const POST = withUser<Params>(async ({ req, user, params }) => {
  const member = await addProjectMember(user.id, params.projectId, await readJson(req, addProjectMemberSchema));
  return respond(projectMemberResponse, { data: member }, { status: 201 });
});

// Any other method — 405 method_not_allowed, naming the allowed ones in `Allow`
export const { OPTIONS, PUT, PATCH, DELETE } = otherMethods({ GET, POST });
