import { ApiError } from "../api/errors";
import { companyManager, refuseOwnerChangeByAdmin } from "../people/access";
import { withPeopleChange } from "../people/memberships";
import type { CreateInvitationInput } from "../validations/invitation";
import { queueInvitationEmail } from "./invitation-email";
import { invitationUrl, newInvitationToken } from "./invitation-link";
import { loadInvitationView } from "./invitation-views";

/**
 * Invite an e-mail address into a company and some of its projects (company OWNERs and ADMINs;
 * an ADMIN invites no OWNER). The link is e-mailed through the outbox and returned.
 */
export async function createInvitation(
  userId: string,
  companyId: string,
  input: CreateInvitationInput,
  baseUrl: string,
) {
  return withPeopleChange(userId, async ({ tx, emails }) => {
    const level = await companyManager(tx, userId, companyId, "invite people");
    refuseOwnerChangeByAdmin(level, [input.role, ...input.projects.map((p) => p.role)], "company");
    const member = await tx.companyMember.findFirst({ where: { companyId, user: { email: input.email } } });
    if (member) throw new ApiError("conflict", `${input.email} is already a member of this company`);
    const pending = await tx.invitation.findFirst({
      where: { companyId, email: input.email, status: "PENDING", expiresAt: { gt: new Date() } },
    });
    if (pending) {
      throw new ApiError("conflict", `${input.email} already has a pending invitation; resend or revoke it instead`);
    }
    const inCompany = await tx.project.findMany({
      where: { companyId, id: { in: input.projects.map((p) => p.projectId) } },
      select: { id: true },
    });
    const known = new Set(inCompany.map((p) => p.id));
    input.projects.forEach((p, i) => {
      if (!known.has(p.projectId)) throw ApiError.field(`projects.${i}.projectId`, "is not a project of this company");
    });
    const { token: _token, ...link } = newInvitationToken();
    const invitation = await tx.invitation.create({
      data: { companyId, email: input.email, role: input.role, projects: input.projects, invitedById: userId, ...link },
      include: { company: { select: { name: true } }, invitedBy: { select: { name: true } } },
    });
    const url = invitationUrl(baseUrl, link.tokenEncrypted);
    const names = { company: invitation.company.name, inviter: invitation.invitedBy.name };
    emails.push(await queueInvitationEmail(tx, invitation, names, url));
    return loadInvitationView(tx, invitation.id, baseUrl);
  });
}
