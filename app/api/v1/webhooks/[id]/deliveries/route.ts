import { withUser } from "@/lib/api/handler";
import { otherMethods } from "@/lib/api/methods";
import { readQuery } from "@/lib/api/request";
import { respond } from "@/lib/api/response";
import { listDeliveries } from "@/lib/delivery-log/list-deliveries";
import { deliveryListQuery, deliveryListResponse } from "@/lib/validations/delivery";

// GET /api/v1/webhooks/{id}/deliveries — the delivery log: filters, newest first, keyset cursor
export const GET = withUser<{ id: string }>(async ({ req, user, params }) =>
  respond(deliveryListResponse, await listDeliveries(user.id, params.id, readQuery(req, deliveryListQuery))),
);

// Any other method — 405 method_not_allowed, naming the allowed ones in `Allow`
export const { OPTIONS, POST, PUT, PATCH, DELETE } = otherMethods({ GET });
