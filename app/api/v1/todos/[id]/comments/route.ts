import { withUser } from "@/lib/api/handler";
import { otherMethods } from "@/lib/api/methods";
import { readJson } from "@/lib/api/request";
import { respond } from "@/lib/api/response";
import { createComment } from "@/lib/comments/create-comment";
import { commentValue } from "@/lib/events/values";
import { commentSchema } from "@/lib/validations/comment";

// POST /api/v1/todos/{id}/comments — comment on a record (COMMENT_CREATED)
export const POST = withUser<{ id: string }>(async ({ req, user, params }) => {
  const comment = await createComment(user.id, params.id, await readJson(req, commentSchema));
  return respond(commentValue, comment, { status: 201 });
});

// Any other method — 405 method_not_allowed, naming the allowed ones in `Allow`
export const { GET, HEAD, OPTIONS, PUT, PATCH, DELETE } = otherMethods({ POST });
