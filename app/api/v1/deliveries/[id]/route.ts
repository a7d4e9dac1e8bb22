import { withUser } from "@/lib/api/handler";
import { otherMethods } from "@/lib/api/methods";
import { respond } from "@/lib/api/response";
import { getDelivery } from "@/lib/delivery-log/get-delivery";
import { deliveryDetailResponse } from "@/lib/validations/delivery";

// GET /api/v1/deliveries/{id} — one delivery with its body and every attempt
export const GET = withUser<{ id: string }>(async ({ user, params }) =>
  respond(deliveryDetailResponse, await getDelivery(user.id, params.id)),
);

// Any other method — 405 method_not_allowed, naming the allowed ones in `Allow`
export const { OPTIONS, POST, PUT, PATCH, DELETE } = otherMethods({ GET });
