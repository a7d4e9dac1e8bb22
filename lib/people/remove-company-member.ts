import { ApiError } from "../api/errors";
import { companyManager, companyRole, refuseLastOwner, refuseOwnerChangeByAdmin } from "./access";
import { removeFromProject, withPeopleChange } from "./memberships";

/**
 * Remove a member from a company and all its projects (PROJECT_MEMBER_REMOVED for each); one's
 * own id is leaving. OWNERs and ADMINs remove others (an ADMIN no OWNER); the last OWNER of the
 * company, or of one of its projects, stays.
 */
export async function removeCompanyMember(userId: string, companyId: string, memberId: string) {
  await withPeopleChange(userId, async (change) => {
    const { tx } = change;
    const leaving = memberId === userId;
    const level = leaving ? null : await companyManager(tx, userId, companyId, "remove people from the company");
    if (leaving) await companyRole(tx, userId, companyId);
    const member = await tx.companyMember.findUnique({
      where: { companyId_userId: { companyId, userId: memberId } },
      select: { role: true, company: { select: { id: true, name: true } } },
    });
    if (!member) throw ApiError.notFound("Member");
    if (level) refuseOwnerChangeByAdmin(level, [member.role], "company");
    if (member.role === "OWNER") await refuseLastOwner(tx, "company", member.company, memberId);
    const memberships = await tx.projectMember.findMany({
      where: { userId: memberId, project: { companyId } },
      select: { role: true, project: { select: { id: true, name: true } } },
      orderBy: { projectId: "asc" },
    });
    for (const { role, project } of memberships) {
      if (role === "OWNER") await refuseLastOwner(tx, "project", project, memberId);
      await removeFromProject(change, { ...project, company: member.company }, memberId, role);
    }
    await tx.companyMember.delete({ where: { companyId_userId: { companyId, userId: memberId } } });
  });
}
