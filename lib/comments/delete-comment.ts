import { ApiError } from "../api/errors";
import { withEvents } from "../events/outbox";
import { commentAccess } from "../platform/access";
import { loadCommentValue } from "../platform/load-values";

/** The author, or a project owner or admin (moderation), deletes a comment. */
export async function deleteComment(userId: string, id: string) {
  await withEvents(userId, async (tx, emit) => {
    const { authorId, role, ...access } = await commentAccess(tx, userId, id, "comment");
    if (authorId !== userId && role !== "OWNER" && role !== "ADMIN") {
      throw new ApiError("forbidden", "Only the author or a project owner or admin can delete a comment");
    }
    const before = await loadCommentValue(tx, id);
    await tx.comment.delete({ where: { id } });
    emit({ type: "COMMENT_DELETED", ...access, previousValue: before, currentValue: null });
  });
}
