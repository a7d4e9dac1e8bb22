// The e-mail that carries an invitation's link, queued in the transaction that made the link. It is
// written in the invitee's language when they already have an account, else in the inviter's.
import { translatorFor } from "../../i18n/translator";
import type { Tx } from "../db";
import { queueEmailInTx } from "../notify/email-outbox";

export async function queueInvitationEmail(
  tx: Tx,
  invitation: { email: string; expiresAt: Date; invitedById: string },
  names: { company: string; inviter: string },
  url: string,
) {
  const [invitee, inviter] = await Promise.all([
    tx.user.findUnique({ where: { email: invitation.email }, select: { locale: true } }),
    tx.user.findUnique({ where: { id: invitation.invitedById }, select: { locale: true } }),
  ]);
  const t = translatorFor(invitee?.locale ?? inviter?.locale, "emails.invitation");
  return queueEmailInTx(tx, {
    to: invitation.email,
    subject: t("subject", names),
    text: t("text", { ...names, url, expiresAt: invitation.expiresAt }),
  });
}
