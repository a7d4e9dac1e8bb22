import { ApiError } from "@/lib/api/errors";
import { withUser } from "@/lib/api/handler";
import { EVENT_CATALOG, isEventType, payloadJsonSchema } from "@/lib/events/catalog";
import { samplePayload } from "@/lib/events/samples";

// GET /api/v1/event-types/{type} — one event type with its JSON Schema and a sample payload
export const GET = withUser<{ type: string }>(async ({ params }) => {
  if (!isEventType(params.type)) throw ApiError.notFound(`Event type ${params.type}`);
  const { type, group, label, description } = EVENT_CATALOG[params.type];
  return Response.json({
    type,
    group,
    label,
    description,
    jsonSchema: payloadJsonSchema(type),
    sample: samplePayload(type),
  });
});
