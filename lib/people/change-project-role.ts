import type { ProjectRoleInput } from "../validations/people";
import { projectScope, refuseLastOwner, refuseOwnerChangeByAdmin, requireProjectManager } from "./access";
import { changeProjectRole as changeRole, withPeopleChange } from "./memberships";
import { projectMember } from "./project-member";

/** A member's project role (PROJECT_MEMBER_ROLE_CHANGED); the last OWNER is never demoted. */
export async function changeProjectRole(userId: string, projectId: string, memberId: string, input: ProjectRoleInput) {
  return withPeopleChange(userId, async (change) => {
    const scope = await projectScope(change.tx, userId, projectId);
    const level = requireProjectManager(scope, "change roles in the project");
    const member = await projectMember(change.tx, projectId, memberId);
    refuseOwnerChangeByAdmin(level, [member.role, input.role], "project");
    if (member.role === "OWNER" && input.role !== "OWNER")
      await refuseLastOwner(change.tx, "project", scope.project, memberId);
    const project = { ...scope.project, company: scope.company };
    const value = await changeRole(change, project, memberId, member.role, input.role);
    return { user: value.user, role: value.role, joinedAt: member.createdAt };
  });
}
