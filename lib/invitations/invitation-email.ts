// The e-mail that carries an invitation's link, queued in the transaction that made the link.
import type { Tx } from "../db";
import { queueEmailInTx } from "../notify/email-outbox";

export async function queueInvitationEmail(
  tx: Tx,
  invitation: { email: string; expiresAt: Date },
  names: { company: string; inviter: string },
  url: string,
) {
  return queueEmailInTx(tx, {
    to: invitation.email,
    subject: `${names.inviter} invited you to ${names.company} on Blue Webhooks`,
    text: `Hello,\n\n${names.inviter} invited you to join ${names.company} on Blue Webhooks.\n\nAccept or decline here (sign in or sign up with this e-mail address): ${url}\n\nThe link works until ${invitation.expiresAt.toISOString()}.\n\n— Blue Webhooks`,
  });
}
