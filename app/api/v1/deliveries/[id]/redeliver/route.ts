import { withUser } from "@/lib/api/handler";
import { redeliverDelivery } from "@/lib/webhooks/redeliver-delivery";

// POST /api/v1/deliveries/{id}/redeliver — a new chain of attempts, same body and webhook-id, marked manual
export const POST = withUser<{ id: string }>(async ({ user, params }) =>
  Response.json(await redeliverDelivery(user.id, params.id), { status: 202 }),
);
