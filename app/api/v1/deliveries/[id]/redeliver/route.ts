import { withUser } from "@/lib/api/handler";
import { otherMethods } from "@/lib/api/methods";
import { redeliverDelivery } from "@/lib/webhooks/redeliver-delivery";

// POST /api/v1/deliveries/{id}/redeliver — a new chain of attempts, same body and webhook-id, marked manual
export const POST = withUser<{ id: string }>(async ({ user, params }) =>
  Response.json(await redeliverDelivery(user.id, params.id), { status: 202 }),
);

// Any other method — 405 method_not_allowed, naming the allowed ones in `Allow`
export const { GET, HEAD, OPTIONS, PUT, PATCH, DELETE } = otherMethods({ POST });
