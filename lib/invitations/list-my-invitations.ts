import { db } from "../db";
import { loadInvitationViews } from "./invitation-views";

/** The pending, unexpired invitations addressed to the user's e-mail address. */
export async function listMyInvitations(user: { email: string }, baseUrl: string) {
  return db().$transaction((tx) =>
    loadInvitationViews(
      tx,
      { email: user.email.toLowerCase(), status: "PENDING", expiresAt: { gt: new Date() } },
      baseUrl,
    ),
  );
}
