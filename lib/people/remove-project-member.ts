import { projectScope, refuseLastOwner, refuseOwnerChangeByAdmin, requireProjectManager } from "./access";
import { removeFromProject, withPeopleChange } from "./memberships";
import { projectMember } from "./project-member";

/**
 * Remove a member from a project (PROJECT_MEMBER_REMOVED); one's own id is leaving. OWNERs and
 * ADMINs remove others (an ADMIN no OWNER); the last OWNER stays.
 */
export async function removeProjectMember(userId: string, projectId: string, memberId: string) {
  await withPeopleChange(userId, async (change) => {
    const scope = await projectScope(change.tx, userId, projectId);
    const member = await projectMember(change.tx, projectId, memberId);
    if (memberId !== userId) {
      const level = requireProjectManager(scope, "remove people from the project");
      refuseOwnerChangeByAdmin(level, [member.role], "project");
    }
    if (member.role === "OWNER") await refuseLastOwner(change.tx, "project", scope.project, memberId);
    await removeFromProject(change, { ...scope.project, company: scope.company }, memberId, member.role);
  });
}
