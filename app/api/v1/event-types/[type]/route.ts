import { ApiError } from "@/lib/api/errors";
import { withUser } from "@/lib/api/handler";
import { otherMethods } from "@/lib/api/methods";
import { bodyJsonSchema, EVENT_CATALOG, isEventType } from "@/lib/events/catalog";
import { sampleBody } from "@/lib/events/samples";

// GET /api/v1/event-types/{type} — one event type with the JSON Schema of its delivered body and a sample body
export const GET = withUser<{ type: string }>(async ({ params }) => {
  if (!isEventType(params.type)) throw ApiError.notFound(`Event type ${params.type}`);
  const { type, group, label, description } = EVENT_CATALOG[params.type];
  return Response.json({
    type,
    group,
    label,
    description,
    jsonSchema: bodyJsonSchema(type),
    sample: sampleBody(type),
  });
});

// Any other method — 405 method_not_allowed, naming the allowed ones in `Allow`
export const { OPTIONS, POST, PUT, PATCH, DELETE } = otherMethods({ GET });
