// Every success response is serialised through the resource's response schema, which drops
// anything not declared there (secrets, hashes) and formats dates.
import type { z } from "zod";

export function respond<S extends z.ZodType>(schema: S, data: z.input<S>, init: ResponseInit = {}): Response {
  return Response.json(schema.parse(data), init);
}

/**
 * For a response that carries a secret, a token or a new session cookie: `Cache-Control: no-store`,
 * so that no browser history, back/forward cache or shared proxy keeps a copy.
 */
export function respondWithSecret<S extends z.ZodType>(schema: S, data: z.input<S>, init: ResponseInit = {}): Response {
  const headers = new Headers(init.headers);
  headers.set("cache-control", "no-store");
  return respond(schema, data, { ...init, headers });
}

export function noContent(init: ResponseInit = {}): Response {
  return new Response(null, { ...init, status: 204 });
}
