import { ApiError } from "../api/errors";
import { db } from "../db";

/** Mark one of the user's notices read (the first time counts); 404 for anyone else's. */
export async function markNoticeRead(userId: string, id: string) {
  return db().$transaction(async (tx) => {
    const notice = await tx.notice.findFirst({ where: { id, userId } });
    if (!notice) throw ApiError.notFound("Notice");
    if (notice.readAt) return notice;
    return tx.notice.update({ where: { id }, data: { readAt: new Date() } });
  });
}
