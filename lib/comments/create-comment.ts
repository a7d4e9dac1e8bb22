import { withEvents } from "../events/outbox";
import { todoAccess } from "../platform/access";
import { loadCommentValue } from "../platform/load-values";
import type { CommentInput } from "../validations/comment";

export async function createComment(userId: string, todoId: string, input: CommentInput) {
  return withEvents(userId, async (tx, emit) => {
    const access = await todoAccess(tx, userId, todoId, "comment");
    const comment = await tx.comment.create({ data: { todoId, authorId: userId, text: input.text } });
    const value = await loadCommentValue(tx, comment.id);
    emit({ type: "COMMENT_CREATED", ...access, previousValue: null, currentValue: value });
    return value;
  });
}
