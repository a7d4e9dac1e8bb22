// Reading a JSON request body: content type, size cap, syntax and schema, each with its own 4xx.
import type { z } from "zod";
import { ApiError } from "./errors";

const MAX_BODY_BYTES = 1024 * 1024;

export async function readJson<S extends z.ZodType>(req: Request, schema: S): Promise<z.output<S>> {
  const type = req.headers.get("content-type") ?? "";
  if (!/^application\/(.+\+)?json\b/i.test(type)) {
    throw new ApiError("unsupported_media_type", "Send the body as JSON with `Content-Type: application/json`");
  }
  const declared = Number(req.headers.get("content-length") ?? 0);
  if (declared > MAX_BODY_BYTES) throw new ApiError("payload_too_large", "The body must be at most 1 MiB");
  const text = await req.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES)
    throw new ApiError("payload_too_large", "The body must be at most 1 MiB");
  let data: unknown;
  try {
    data = text.length ? JSON.parse(text) : undefined;
  } catch (error) {
    throw new ApiError("invalid_json", `The body is not valid JSON: ${(error as Error).message}`);
  }
  if (data === undefined) throw new ApiError("invalid_json", "The body is empty; send a JSON object");
  return schema.parse(data);
}

/** Query string → object for a schema (repeated keys become arrays). */
export function readQuery<S extends z.ZodType>(req: Request, schema: S): z.output<S> {
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of new URL(req.url).searchParams) {
    const prev = out[key];
    out[key] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value];
  }
  return schema.parse(out);
}
