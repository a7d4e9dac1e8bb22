// Reading request input, each problem with its own 4xx: a JSON body (content type, size cap while
// it streams in, UTF-8, syntax) or the query string; then, for the whole input at once, text that
// PostgreSQL cannot store and nesting too deep to walk safely; last, the route's own schema.
import type { z } from "zod";
import { ApiError } from "./errors";

const MAX_BODY_BYTES = 1024 * 1024;
const TOO_LARGE = "The body must be at most 1 MiB";

/** Deeper than any schema of this API needs; far deeper input overflows recursive code. */
export const MAX_JSON_DEPTH = 64;

export async function readJson<S extends z.ZodType>(req: Request, schema: S): Promise<z.output<S>> {
  const type = req.headers.get("content-type") ?? "";
  if (!/^application\/(.+\+)?json\b/i.test(type)) {
    throw new ApiError("unsupported_media_type", "Send the body as JSON with `Content-Type: application/json`");
  }
  const text = await readBodyText(req);
  let data: unknown;
  try {
    data = text.length ? JSON.parse(text) : undefined;
  } catch (error) {
    throw new ApiError("invalid_json", `The body is not valid JSON: ${(error as Error).message}`);
  }
  if (data === undefined) throw new ApiError("invalid_json", "The body is empty; send a JSON object");
  refuseUnstorable(data);
  return schema.parse(data);
}

/** Query string → object for a schema (repeated keys become arrays). */
export function readQuery<S extends z.ZodType>(req: Request, schema: S): z.output<S> {
  // A Map, then own properties: on a plain object `constructor` or `__proto__` would hit
  // Object.prototype's members.
  const values = new Map<string, string | string[]>();
  for (const [key, value] of new URL(req.url).searchParams) {
    const prev = values.get(key);
    if (prev === undefined) values.set(key, value);
    else if (Array.isArray(prev)) prev.push(value);
    else values.set(key, [prev, value]);
  }
  const query = Object.fromEntries(values);
  refuseUnstorable(query);
  return schema.parse(query);
}

/** The body as text, read chunk by chunk so that a body without a length stops at the limit. */
async function readBodyText(req: Request): Promise<string> {
  if (Number(req.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) {
    throw new ApiError("payload_too_large", TOO_LARGE);
  }
  if (!req.body) return "";
  const decoder = new TextDecoder("utf-8", { fatal: true });
  const decode = (chunk?: Uint8Array) => {
    try {
      return decoder.decode(chunk, { stream: chunk !== undefined });
    } catch {
      throw new ApiError("invalid_json", "The body is not valid UTF-8");
    }
  };
  const reader = req.body.getReader();
  let size = 0;
  let text = "";
  try {
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      size += chunk.value.byteLength;
      if (size > MAX_BODY_BYTES) {
        await reader.cancel();
        throw new ApiError("payload_too_large", TOO_LARGE);
      }
      text += decode(chunk.value);
    }
  } finally {
    reader.releaseLock();
  }
  return text + decode();
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Why PostgreSQL would refuse (or silently alter) this text, if it would. */
function textProblem(text: string): string | null {
  if (text.includes("\u0000")) return "must not contain the NUL character";
  if (LONE_SURROGATE.test(text)) return "must be valid Unicode text (it has a lone surrogate)";
  return null;
}

/**
 * Refuses, naming the field, any string (value or key) PostgreSQL cannot store, and arrays and
 * objects nested deeper than MAX_JSON_DEPTH. Done once for the whole input, before the schema,
 * so that no field of any route can miss it; walked with a stack, as deep input is the problem.
 */
function refuseUnstorable(input: unknown) {
  const field = (path: string[]) => path.join(".") || "body";
  const refuseText = (text: string, path: string[], suffix = "") => {
    const problem = textProblem(text);
    if (problem) throw ApiError.field(field(path), problem + suffix);
  };
  if (typeof input === "string") refuseText(input, []);
  const containers: { value: object; path: string[] }[] = [];
  if (typeof input === "object" && input !== null) containers.push({ value: input, path: [] });
  for (let next = containers.pop(); next; next = containers.pop()) {
    for (const [key, item] of Object.entries(next.value)) {
      const path = [...next.path, key];
      refuseText(key, path, " (in its name)");
      if (typeof item === "string") refuseText(item, path);
      else if (typeof item === "object" && item !== null) {
        if (path.length >= MAX_JSON_DEPTH) {
          throw ApiError.field(
            field(Array.isArray(input) ? [] : path.slice(0, 1)),
            `must not nest arrays and objects more than ${MAX_JSON_DEPTH} levels deep`,
          );
        }
        containers.push({ value: item, path });
      }
    }
  }
}
