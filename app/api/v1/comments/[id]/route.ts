import { withUser } from "@/lib/api/handler";
import { otherMethods } from "@/lib/api/methods";
import { readJson } from "@/lib/api/request";
import { noContent, respond } from "@/lib/api/response";
import { deleteComment } from "@/lib/comments/delete-comment";
import { updateComment } from "@/lib/comments/update-comment";
import { commentValue } from "@/lib/events/values";
import { commentSchema } from "@/lib/validations/comment";

// PATCH /api/v1/comments/{id} — edit your comment (COMMENT_UPDATED)
export const PATCH = withUser<{ id: string }>(async ({ req, user, params }) =>
  respond(commentValue, await updateComment(user.id, params.id, await readJson(req, commentSchema))),
);

// DELETE /api/v1/comments/{id} — delete a comment (COMMENT_DELETED)
export const DELETE = withUser<{ id: string }>(async ({ user, params }) => {
  await deleteComment(user.id, params.id);
  return noContent();
});

// Any other method — 405 method_not_allowed, naming the allowed ones in `Allow`
export const { GET, HEAD, OPTIONS, POST, PUT } = otherMethods({ PATCH, DELETE });
