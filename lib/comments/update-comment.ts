import { ApiError } from "../api/errors";
import { withEvents } from "../events/outbox";
import { commentAccess } from "../platform/access";
import { loadCommentValue } from "../platform/load-values";
import type { CommentInput } from "../validations/comment";

/** Only the author edits a comment. */
export async function updateComment(userId: string, id: string, input: CommentInput) {
  return withEvents(userId, async (tx, emit) => {
    const { authorId, ...access } = await commentAccess(tx, userId, id, "comment");
    if (authorId !== userId) throw new ApiError("forbidden", "Only the author can edit a comment");
    const before = await loadCommentValue(tx, id);
    await tx.comment.update({ where: { id }, data: { text: input.text } });
    const current = await loadCommentValue(tx, id);
    if (before.text !== current.text) {
      emit({ type: "COMMENT_UPDATED", ...access, previousValue: before, currentValue: current });
    }
    return current;
  });
}
