import { ApiError } from "../api/errors";
import type { Tx } from "../db";
import { companyRole, refuseOwnerChangeByAdmin } from "../people/access";
import { invitedProjects } from "./invitation-views";

/** An invitation its company's OWNERs and ADMINs manage; 404 to anyone else. */
export async function managedInvitation(tx: Tx, userId: string, id: string) {
  const invitation = await tx.invitation.findUnique({
    where: { id },
    include: { company: { select: { name: true } }, invitedBy: { select: { name: true } } },
  });
  if (!invitation) throw ApiError.notFound("Invitation");
  const role = await companyRole(tx, userId, invitation.companyId).catch(() => {
    throw ApiError.notFound("Invitation");
  });
  if (role !== "OWNER" && role !== "ADMIN") {
    throw new ApiError(
      "forbidden",
      `Only a company OWNER or ADMIN can manage invitations; your role in this company is ${role}`,
    );
  }
  refuseOwnerChangeByAdmin(
    role,
    [invitation.role, ...invitedProjects(invitation.projects).map((p) => p.role)],
    "company",
  );
  return invitation;
}

export function refuseAnswered(invitation: { status: string }, action: string) {
  if (invitation.status === "ACCEPTED" || invitation.status === "DECLINED") {
    throw new ApiError(
      "invitation_closed",
      `This invitation was already ${invitation.status.toLowerCase()}; it cannot be ${action}`,
    );
  }
}
