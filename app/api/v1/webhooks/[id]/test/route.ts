import { withUser } from "@/lib/api/handler";
import { otherMethods } from "@/lib/api/methods";
import { readJson } from "@/lib/api/request";
import { respond } from "@/lib/api/response";
import { testEventResponse, testEventSchema } from "@/lib/validations/webhook";
import { sendTestEvent } from "@/lib/webhooks/send-test-event";

// POST /api/v1/webhooks/{id}/test — send, signed, the catalog's sample of an event type or a recent event the webhook would send; returns the receiver's answer
export const POST = withUser<{ id: string }>(async ({ req, user, params }) =>
  respond(testEventResponse, await sendTestEvent(user.id, params.id, await readJson(req, testEventSchema))),
);

// Any other method — 405 method_not_allowed, naming the allowed ones in `Allow`
export const { GET, HEAD, OPTIONS, PUT, PATCH, DELETE } = otherMethods({ POST });
