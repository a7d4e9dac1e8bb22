import { withUser } from "@/lib/api/handler";
import { otherMethods } from "@/lib/api/methods";
import { readJson } from "@/lib/api/request";
import { respond } from "@/lib/api/response";
import { testEventResponse, testEventSchema } from "@/lib/validations/webhook";
import { sendTestEvent } from "@/lib/webhooks/send-test-event";

// POST /api/v1/webhooks/{id}/test — send the catalog's sample of an event type, signed; returns the receiver's answer
export const POST = withUser<{ id: string }>(async ({ req, user, params }) => {
  const { eventType } = await readJson(req, testEventSchema);
  return respond(testEventResponse, await sendTestEvent(user.id, params.id, eventType));
});

// Any other method — 405 method_not_allowed, naming the allowed ones in `Allow`
export const { GET, HEAD, OPTIONS, PUT, PATCH, DELETE } = otherMethods({ POST });
