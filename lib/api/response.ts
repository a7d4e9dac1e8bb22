// Every success response is serialised through the resource's response schema, which drops
// anything not declared there (secrets, hashes) and formats dates.
import type { z } from "zod";

export function respond<S extends z.ZodType>(schema: S, data: z.input<S>, init: ResponseInit = {}): Response {
  return Response.json(schema.parse(data), init);
}

export function noContent(init: ResponseInit = {}): Response {
  return new Response(null, { ...init, status: 204 });
}
