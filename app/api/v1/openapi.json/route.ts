import { withPublic } from "@/lib/api/handler";
import { buildOpenApiDocument } from "@/lib/openapi/document";

let cached: ReturnType<typeof buildOpenApiDocument> | undefined;

// GET /api/v1/openapi.json — the OpenAPI 3.1 document, generated from the zod schemas
export const GET = withPublic(async () => {
  cached ??= buildOpenApiDocument();
  return Response.json(cached);
});
