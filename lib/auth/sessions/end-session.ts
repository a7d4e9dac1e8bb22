import { db } from "../../db";
import { forgetSessions } from "./active-session";

/** End one of the user's sessions (sign-out, or revoked from the list); false when it was not active or not theirs. */
export async function endSession(userId: string, sessionId: string, now = new Date()): Promise<boolean> {
  const { count } = await db().session.updateMany({
    where: { id: sessionId, userId, revokedAt: null },
    data: { revokedAt: now },
  });
  forgetSessions({ sessionId });
  return count > 0;
}
