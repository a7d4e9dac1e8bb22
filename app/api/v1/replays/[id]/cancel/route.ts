import { withUser } from "@/lib/api/handler";
import { otherMethods } from "@/lib/api/methods";
import { respond } from "@/lib/api/response";
import { replayProgressResponse } from "@/lib/validations/webhook";
import { cancelReplay } from "@/lib/webhooks/replay-deliveries";

// POST /api/v1/replays/{id}/cancel — stop a replay; what was not delivered is skipped again
export const POST = withUser<{ id: string }>(async ({ user, params }) =>
  respond(replayProgressResponse, await cancelReplay(user.id, params.id)),
);

// Any other method — 405 method_not_allowed, naming the allowed ones in `Allow`
export const { GET, HEAD, OPTIONS, PUT, PATCH, DELETE } = otherMethods({ POST });
