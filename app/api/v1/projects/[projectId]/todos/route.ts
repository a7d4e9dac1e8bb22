import { withUser } from "@/lib/api/handler";
import { otherMethods } from "@/lib/api/methods";
import { readJson } from "@/lib/api/request";
import { respond } from "@/lib/api/response";
import { todoValue } from "@/lib/events/values";
import { createTodo } from "@/lib/todos/create-todo";
import { createTodoSchema } from "@/lib/validations/todo";

// POST /api/v1/projects/{projectId}/todos — add a record to one of the project's lists (TODO_CREATED)
export const POST = withUser<{ projectId: string }>(async ({ req, user, params }) => {
  const todo = await createTodo(user.id, params.projectId, await readJson(req, createTodoSchema));
  return respond(todoValue, todo, { status: 201 });
});

// Any other method — 405 method_not_allowed, naming the allowed ones in `Allow`
export const { GET, HEAD, OPTIONS, PUT, PATCH, DELETE } = otherMethods({ POST });
