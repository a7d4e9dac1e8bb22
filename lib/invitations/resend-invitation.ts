import { ApiError } from "../api/errors";
import { withPeopleChange } from "../people/memberships";
import { queueInvitationEmail } from "./invitation-email";
import { invitationUrl, newInvitationToken } from "./invitation-link";
import { loadInvitationView } from "./invitation-views";
import { managedInvitation, refuseAnswered } from "./manage-invitation";

/** A new link (the old one stops working), a new expiry and a new e-mail, for a pending or expired invitation. */
export async function resendInvitation(userId: string, id: string, baseUrl: string) {
  return withPeopleChange(userId, async ({ tx, emails }) => {
    const invitation = await managedInvitation(tx, userId, id);
    refuseAnswered(invitation, "resent");
    if (invitation.status === "REVOKED") {
      throw new ApiError("invitation_revoked", "This invitation was revoked; invite the person again instead");
    }
    const { token: _token, ...link } = newInvitationToken();
    const updated = await tx.invitation.update({ where: { id }, data: link });
    const names = { company: invitation.company.name, inviter: invitation.invitedBy.name };
    emails.push(await queueInvitationEmail(tx, updated, names, invitationUrl(baseUrl, link.tokenEncrypted)));
    return loadInvitationView(tx, id, baseUrl);
  });
}
