import { withUser } from "@/lib/api/handler";
import { otherMethods } from "@/lib/api/methods";
import { respond } from "@/lib/api/response";
import { replayProgressResponse } from "@/lib/validations/webhook";
import { replayProgress } from "@/lib/webhooks/replay-deliveries";

// GET /api/v1/replays/{id} — a replay's progress
export const GET = withUser<{ id: string }>(async ({ user, params }) =>
  respond(replayProgressResponse, await replayProgress(user.id, params.id)),
);

// Any other method — 405 method_not_allowed, naming the allowed ones in `Allow`
export const { OPTIONS, POST, PUT, PATCH, DELETE } = otherMethods({ GET });
