import { withPublic } from "@/lib/api/handler";
import { otherMethods } from "@/lib/api/methods";
import { buildOpenApiDocument } from "@/lib/openapi/document";

let cached: ReturnType<typeof buildOpenApiDocument> | undefined;

// GET /api/v1/openapi.json — the OpenAPI 3.1 document, generated from the zod schemas
export const GET = withPublic(async () => {
  cached ??= buildOpenApiDocument();
  return Response.json(cached);
});

// Any other method — 405 method_not_allowed, naming the allowed ones in `Allow`
export const { OPTIONS, POST, PUT, PATCH, DELETE } = otherMethods({ GET });
