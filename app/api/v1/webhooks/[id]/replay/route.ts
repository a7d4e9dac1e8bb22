import { withUser } from "@/lib/api/handler";
import { otherMethods } from "@/lib/api/methods";
import { readJson } from "@/lib/api/request";
import { respond } from "@/lib/api/response";
import { replayProgressResponse, replaySchema } from "@/lib/validations/webhook";
import { replayDeliveries } from "@/lib/webhooks/replay-deliveries";

// POST /api/v1/webhooks/{id}/replay — replay the skipped (and failed) deliveries of a time range
export const POST = withUser<{ id: string }>(async ({ req, user, params }) => {
  const { since, until, status } = await readJson(req, replaySchema);
  return respond(
    replayProgressResponse,
    await replayDeliveries(user.id, params.id, { since, until, statuses: status }),
    {
      status: 202,
    },
  );
});

// Any other method — 405 method_not_allowed, naming the allowed ones in `Allow`
export const { GET, HEAD, OPTIONS, PUT, PATCH, DELETE } = otherMethods({ POST });
