import { db } from "../../db";
import { forgetSessions } from "./active-session";

/** End all of the user's sessions ("sign out everywhere"), or all but one (after a password change). */
export async function endUserSessions(userId: string, opts: { except?: string } = {}, now = new Date()) {
  const { count } = await db().session.updateMany({
    where: { userId, revokedAt: null, ...(opts.except ? { id: { not: opts.except } } : {}) },
    data: { revokedAt: now },
  });
  forgetSessions({ userId });
  return count;
}
