import { withUser } from "@/lib/api/handler";
import { otherMethods } from "@/lib/api/methods";
import { readJson } from "@/lib/api/request";
import { noContent, respond } from "@/lib/api/response";
import { todoValue } from "@/lib/events/values";
import { deleteTodo } from "@/lib/todos/delete-todo";
import { getTodo } from "@/lib/todos/get-todo";
import { updateTodo } from "@/lib/todos/update-todo";
import { todoDetailResponse } from "@/lib/validations/board";
import { updateTodoSchema } from "@/lib/validations/todo";

// GET /api/v1/todos/{id} — a record with its checklists and comments
export const GET = withUser<{ id: string }>(async ({ user, params }) =>
  respond(todoDetailResponse, await getTodo(user.id, params.id)),
);

// PATCH /api/v1/todos/{id} — change a record; one event per Blue type the change touches
export const PATCH = withUser<{ id: string }>(async ({ req, user, params }) =>
  respond(todoValue, await updateTodo(user.id, params.id, await readJson(req, updateTodoSchema))),
);

// DELETE /api/v1/todos/{id} — delete a record (TODO_DELETED)
export const DELETE = withUser<{ id: string }>(async ({ user, params }) => {
  await deleteTodo(user.id, params.id);
  return noContent();
});

// Any other method — 405 method_not_allowed, naming the allowed ones in `Allow`
export const { OPTIONS, POST, PUT } = otherMethods({ GET, PATCH, DELETE });
