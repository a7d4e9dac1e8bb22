import { ApiError } from "../api/errors";
import type { AddProjectMemberInput } from "../validations/people";
import { projectScope, refuseOwnerChangeByAdmin, requireProjectManager } from "./access";
import { addToProject, withPeopleChange } from "./memberships";

/** Add someone of the project's company to the project (PROJECT_MEMBER_ADDED). */
export async function addProjectMember(userId: string, projectId: string, input: AddProjectMemberInput) {
  return withPeopleChange(userId, async (change) => {
    const scope = await projectScope(change.tx, userId, projectId);
    const level = requireProjectManager(scope, "add people to the project");
    refuseOwnerChangeByAdmin(level, [input.role], "project");
    const inCompany = await change.tx.companyMember.findUnique({
      where: { companyId_userId: { companyId: scope.project.companyId, userId: input.userId } },
    });
    if (!inCompany) throw ApiError.field("userId", "is not a member of this project's company; invite them first");
    const already = await change.tx.projectMember.findUnique({
      where: { projectId_userId: { projectId, userId: input.userId } },
    });
    if (already)
      throw new ApiError("conflict", "This person is already a member of the project; change their role instead");
    const value = await addToProject(change, { ...scope.project, company: scope.company }, input.userId, input.role);
    return { user: value.user, role: value.role, joinedAt: new Date() };
  });
}
