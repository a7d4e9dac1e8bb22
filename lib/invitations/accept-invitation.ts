import { addToProject, withPeopleChange } from "../people/memberships";
import { answerableInvitation } from "./answerable-invitation";
import { invitedProjects } from "./invitation-views";

/**
 * Join the company and the invitation's projects (PROJECT_MEMBER_ADDED for each new membership)
 * in one transaction. Accepting again changes nothing and answers the same; a membership the user
 * already has keeps its role; a project deleted since is skipped.
 */
export async function acceptInvitation(user: { id: string; email: string }, token: string) {
  return withPeopleChange(user.id, async (change) => {
    const { tx } = change;
    const invitation = await answerableInvitation(tx, user, token, "ACCEPTED");
    const invited = invitedProjects(invitation.projects);
    if (invitation.status === "PENDING") {
      await tx.companyMember.upsert({
        where: { companyId_userId: { companyId: invitation.companyId, userId: user.id } },
        create: { companyId: invitation.companyId, userId: user.id, role: invitation.role },
        update: {},
      });
      const projects = await tx.project.findMany({
        where: { companyId: invitation.companyId, id: { in: invited.map((p) => p.projectId) } },
        select: { id: true, name: true, members: { where: { userId: user.id }, select: { role: true } } },
        orderBy: { id: "asc" },
      });
      for (const project of projects) {
        if (project.members.length) continue;
        const role = invited.find((p) => p.projectId === project.id)!.role;
        await addToProject(change, { id: project.id, name: project.name, company: invitation.company }, user.id, role);
      }
      await tx.invitation.update({
        where: { id: invitation.id },
        data: { status: "ACCEPTED", respondedAt: new Date() },
      });
    }
    const memberships = await tx.projectMember.findMany({
      where: { userId: user.id, projectId: { in: invited.map((p) => p.projectId) } },
      select: { role: true, project: { select: { id: true, name: true } } },
      orderBy: { project: { name: "asc" } },
    });
    return {
      company: invitation.company,
      projects: memberships.map((m) => ({ ...m.project, role: m.role })),
      status: "ACCEPTED" as const,
    };
  });
}
