import { ApiError } from "../api/errors";
import { projectScope } from "../people/access";
import { type Change, withPeopleChange } from "../people/memberships";
import { recordAccessIssues } from "../webhooks/access-issues";
import { loadProjectValue } from "./project-values";

/**
 * Delete a project with its lists, records, tags and custom fields (PROJECT_DELETED; its
 * records emit no events of their own). Webhooks that name it stay valid for their other
 * projects and say that this one was deleted. Its members are kept as its audience: the
 * PROJECT_DELETED reaches their webhooks although the memberships go with the project.
 */
export async function deleteProjectIn(change: Change, projectId: string) {
  const value = await loadProjectValue(change.tx, projectId);
  change.emails.push(...(await recordAccessIssues(change.tx, [value], "PROJECT_DELETED")));
  const members = await change.tx.projectMember.findMany({ where: { projectId }, select: { userId: true } });
  await change.tx.deletedProjectMember.createMany({
    data: members.map(({ userId }) => ({ projectId, userId })),
    skipDuplicates: true,
  });
  await change.tx.project.delete({ where: { id: projectId } });
  change.emit({
    type: "PROJECT_DELETED",
    companyId: value.company.id,
    projectId,
    previousValue: value,
    currentValue: null,
  });
}

/** Delete a project: its OWNERs, and its company's OWNERs and ADMINs. */
export async function deleteProject(userId: string, projectId: string) {
  await withPeopleChange(userId, async (change) => {
    const scope = await projectScope(change.tx, userId, projectId);
    const companyManages = scope.companyRole === "OWNER" || scope.companyRole === "ADMIN";
    if (scope.projectRole !== "OWNER" && !companyManages) {
      throw new ApiError(
        "forbidden",
        `Only a project OWNER (or a company OWNER or ADMIN) can delete the project; your role in it is ${scope.projectRole}`,
      );
    }
    await deleteProjectIn(change, projectId);
  });
}
