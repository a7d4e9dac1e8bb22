import { db } from "../db";
import { answerableInvitation } from "./answerable-invitation";

/** Decline an invitation addressed to the user; declining again changes nothing. */
export async function declineInvitation(user: { id: string; email: string }, token: string) {
  return db().$transaction(async (tx) => {
    const invitation = await answerableInvitation(tx, user, token, "DECLINED");
    if (invitation.status === "PENDING") {
      await tx.invitation.update({
        where: { id: invitation.id },
        data: { status: "DECLINED", respondedAt: new Date() },
      });
    }
    return { company: invitation.company, projects: [], status: "DECLINED" as const };
  });
}
