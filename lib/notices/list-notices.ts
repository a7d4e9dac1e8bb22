import { db } from "../db";

const MAX_NOTICES = 100;

/** The user's latest notices, newest first. */
export async function listNotices(userId: string) {
  return db().notice.findMany({
    where: { userId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: MAX_NOTICES,
  });
}
