import { withUser } from "@/lib/api/handler";
import { otherMethods } from "@/lib/api/methods";
import { readJson } from "@/lib/api/request";
import { noContent, respond } from "@/lib/api/response";
import { todoListValue } from "@/lib/events/values";
import { deleteTodoList } from "@/lib/todo-lists/delete-todo-list";
import { updateTodoList } from "@/lib/todo-lists/update-todo-list";
import { updateTodoListSchema } from "@/lib/validations/todo-list";

// PATCH /api/v1/lists/{id} — rename (TODO_LIST_NAME_CHANGED) or reorder a list
export const PATCH = withUser<{ id: string }>(async ({ req, user, params }) =>
  respond(todoListValue, await updateTodoList(user.id, params.id, await readJson(req, updateTodoListSchema))),
);

// DELETE /api/v1/lists/{id} — delete a list and its records (TODO_DELETED…, TODO_LIST_DELETED)
export const DELETE = withUser<{ id: string }>(async ({ user, params }) => {
  await deleteTodoList(user.id, params.id);
  return noContent();
});

// Any other method — 405 method_not_allowed, naming the allowed ones in `Allow`
export const { GET, HEAD, OPTIONS, POST, PUT } = otherMethods({ PATCH, DELETE });
