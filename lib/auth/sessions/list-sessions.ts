import { db } from "../../db";
import { describeDevice } from "./device";

const MAX_LISTED = 100;

/** The user's active sessions, most recently seen first, with `current` marking the caller's own. */
export async function listSessions(userId: string, currentSessionId: string | null, now = new Date()) {
  const rows = await db().session.findMany({
    where: { userId, revokedAt: null, expiresAt: { gt: now } },
    orderBy: [{ lastSeenAt: "desc" }, { createdAt: "desc" }],
    take: MAX_LISTED,
  });
  return rows.map((row) => ({ ...row, device: describeDevice(row.userAgent), current: row.id === currentSessionId }));
}
