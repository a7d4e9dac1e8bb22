import { withUser } from "@/lib/api/handler";
import { otherMethods } from "@/lib/api/methods";
import { readJson } from "@/lib/api/request";
import { noContent, respond } from "@/lib/api/response";
import { changeProjectRole } from "@/lib/people/change-project-role";
import { removeProjectMember } from "@/lib/people/remove-project-member";
import { projectMemberResponse, projectRoleInput } from "@/lib/validations/people";

type Params = { projectId: string; userId: string };

// PATCH /api/v1/projects/{projectId}/members/{userId} — change a member's role (PROJECT_MEMBER_ROLE_CHANGED)
export const PATCH = withUser<Params>(async ({ req, user, params }) => {
  const input = await readJson(req, projectRoleInput);
  return respond(projectMemberResponse, {
    data: await changeProjectRole(user.id, params.projectId, params.userId, input),
  });
});

// DELETE /api/v1/projects/{projectId}/members/{userId} — remove a member; your own id leaves (PROJECT_MEMBER_REMOVED)
export const DELETE = withUser<Params>(async ({ user, params }) => {
  await removeProjectMember(user.id, params.projectId, params.userId);
  return noContent();
});

// Any other method — 405 method_not_allowed, naming the allowed ones in `Allow`
export const { GET, HEAD, OPTIONS, POST, PUT } = otherMethods({ PATCH, DELETE });
