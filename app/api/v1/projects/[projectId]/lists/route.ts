import { withUser } from "@/lib/api/handler";
import { otherMethods } from "@/lib/api/methods";
import { readJson } from "@/lib/api/request";
import { respond } from "@/lib/api/response";
import { todoListValue } from "@/lib/events/values";
import { createTodoList } from "@/lib/todo-lists/create-todo-list";
import { createTodoListSchema } from "@/lib/validations/todo-list";

// POST /api/v1/projects/{projectId}/lists — add a list (TODO_LIST_CREATED)
export const POST = withUser<{ projectId: string }>(async ({ req, user, params }) => {
  const list = await createTodoList(user.id, params.projectId, await readJson(req, createTodoListSchema));
  return respond(todoListValue, list, { status: 201 });
});

// Any other method — 405 method_not_allowed, naming the allowed ones in `Allow`
export const { GET, HEAD, OPTIONS, PUT, PATCH, DELETE } = otherMethods({ POST });
