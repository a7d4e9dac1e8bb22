import { db } from "../db";
import { invitationByToken, invitedProjects, statusOf } from "./invitation-views";

/** What anyone holding the link may read before signing in: who invites, to what, for whom. */
export async function previewInvitation(token: string) {
  return db().$transaction(async (tx) => {
    const invitation = await invitationByToken(tx, token);
    const projects = await tx.project.findMany({
      where: { id: { in: invitedProjects(invitation.projects).map((p) => p.projectId) } },
      select: { name: true },
      orderBy: { name: "asc" },
    });
    return {
      company: { name: invitation.company.name },
      invitedBy: { name: invitation.invitedBy.name },
      email: invitation.email,
      projects,
      status: statusOf(invitation),
      expiresAt: invitation.expiresAt,
    };
  });
}
