import { ApiError } from "../api/errors";
import type { Tx } from "../db";
import { invitationByToken, statusOf } from "./invitation-views";

/**
 * The invitation a link names, for the signed-in user it is addressed to (403 naming both
 * addresses otherwise), refused when revoked (410), expired (410) or answered the other way (409).
 */
export async function answerableInvitation(
  tx: Tx,
  user: { email: string },
  token: string,
  answer: "ACCEPTED" | "DECLINED",
) {
  const invitation = await invitationByToken(tx, token);
  if (invitation.email !== user.email.toLowerCase()) {
    throw new ApiError(
      "forbidden",
      `This invitation is for ${invitation.email}, but you are signed in as ${user.email}; sign in with ${invitation.email} to answer it`,
    );
  }
  const status = statusOf(invitation);
  if (status === "REVOKED") throw new ApiError("invitation_revoked", "This invitation was revoked; ask for a new one");
  if (status === "EXPIRED")
    throw new ApiError("invitation_expired", "This invitation has expired; ask for it to be resent");
  if (status !== "PENDING" && status !== answer) {
    throw new ApiError("invitation_closed", `This invitation was already ${status.toLowerCase()}`);
  }
  return invitation;
}
