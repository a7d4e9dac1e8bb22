import { withUser } from "@/lib/api/handler";
import { otherMethods } from "@/lib/api/methods";
import { respond } from "@/lib/api/response";
import { getBoard } from "@/lib/todo-lists/get-board";
import { boardResponse } from "@/lib/validations/board";

// GET /api/v1/projects/{projectId}/board — lists with their records, members, tags, custom fields
export const GET = withUser<{ projectId: string }>(async ({ user, params }) =>
  respond(boardResponse, await getBoard(user.id, params.projectId)),
);

// Any other method — 405 method_not_allowed, naming the allowed ones in `Allow`
export const { OPTIONS, POST, PUT, PATCH, DELETE } = otherMethods({ GET });
