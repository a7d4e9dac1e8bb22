import { withUser } from "@/lib/api/handler";
import { respond } from "@/lib/api/response";
import { getBoard } from "@/lib/todo-lists/get-board";
import { boardResponse } from "@/lib/validations/board";

// GET /api/v1/projects/{projectId}/board — lists with their records, members, tags, custom fields
export const GET = withUser<{ projectId: string }>(async ({ user, params }) =>
  respond(boardResponse, await getBoard(user.id, params.projectId)),
);
