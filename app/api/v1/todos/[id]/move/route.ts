import { withUser } from "@/lib/api/handler";
import { otherMethods } from "@/lib/api/methods";
import { readJson } from "@/lib/api/request";
import { respond } from "@/lib/api/response";
import { todoValue } from "@/lib/events/values";
import { moveTodo } from "@/lib/todos/move-todo";
import { moveTodoSchema } from "@/lib/validations/todo";

// POST /api/v1/todos/{id}/move — move a record to another list, in this or another project (TODO_MOVED)
export const POST = withUser<{ id: string }>(async ({ req, user, params }) =>
  respond(todoValue, await moveTodo(user.id, params.id, await readJson(req, moveTodoSchema))),
);

// Any other method — 405 method_not_allowed, naming the allowed ones in `Allow`
export const { GET, HEAD, OPTIONS, PUT, PATCH, DELETE } = otherMethods({ POST });
