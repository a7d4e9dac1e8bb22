import { withUser } from "@/lib/api/handler";
import { otherMethods } from "@/lib/api/methods";
import { respond } from "@/lib/api/response";
import { listTodoEvents } from "@/lib/todos/list-todo-events";
import { todoEventsResponse } from "@/lib/validations/delivery";

// GET /api/v1/todos/{id}/events — a record's history (its events, newest first)
export const GET = withUser<{ id: string }>(async ({ user, params }) =>
  respond(todoEventsResponse, { data: await listTodoEvents(user.id, params.id) }),
);

// Any other method — 405 method_not_allowed, naming the allowed ones in `Allow`
export const { OPTIONS, POST, PUT, PATCH, DELETE } = otherMethods({ GET });
