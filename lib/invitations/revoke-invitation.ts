import { db } from "../db";
import { managedInvitation, refuseAnswered } from "./manage-invitation";

/** Revoke a pending invitation: its link stops working. Revoking twice changes nothing. */
export async function revokeInvitation(userId: string, id: string) {
  await db().$transaction(async (tx) => {
    const invitation = await managedInvitation(tx, userId, id);
    refuseAnswered(invitation, "revoked");
    if (invitation.status === "PENDING") {
      await tx.invitation.update({ where: { id }, data: { status: "REVOKED", respondedAt: new Date() } });
    }
  });
}
