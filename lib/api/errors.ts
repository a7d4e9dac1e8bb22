// The one error type of the API, its code → HTTP status table, and the one mapper to a response.
import pg from "pg";
import { z } from "zod";
import { Prisma } from "../generated/prisma/client";
import { logger } from "../logger";

export const ERROR_STATUS = {
  bad_request: 400,
  invalid_json: 400,
  unauthorized: 401,
  invalid_credentials: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  last_owner: 409,
  invitation_closed: 409,
  invitation_expired: 410,
  invitation_revoked: 410,
  payload_too_large: 413,
  unsupported_media_type: 415,
  validation_failed: 422,
  limit_exceeded: 422,
  health_check_failed: 424,
  rate_limited: 429,
  internal_error: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export type FieldErrors = Record<string, string[]>;

export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly fields?: FieldErrors;
  readonly headers?: Record<string, string>;

  constructor(code: ErrorCode, message: string, opts: { fields?: FieldErrors; headers?: Record<string, string> } = {}) {
    super(message);
    this.name = "ApiError";
    this.code = code;
    this.fields = opts.fields;
    this.headers = opts.headers;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }

  static notFound(what: string) {
    return new ApiError("not_found", `${what} not found`);
  }

  /** A validation error on one field, shaped like the zod ones. */
  static field(path: string, message: string) {
    return new ApiError("validation_failed", `${path}: ${message}`, { fields: { [path]: [message] } });
  }
}

export type ErrorBody = { error: { code: ErrorCode; message: string; fields?: FieldErrors } };

export function zodFieldErrors(error: z.ZodError): FieldErrors {
  // Keyed by what the client sent, so a Map: on a plain object a key such as `constructor` or
  // `__proto__` would find Object.prototype's member instead of a list.
  const fields = new Map<string, string[]>();
  for (const issue of error.issues) {
    const base = issue.path.map(String).join(".");
    // An unknown key is reported on the key itself, so the client sees which field to remove.
    const keys = issue.code === "unrecognized_keys" ? issue.keys.map((k) => (base ? `${base}.${k}` : k)) : [base];
    for (const key of keys) {
      const name = key || "body";
      fields.set(name, [...(fields.get(name) ?? []), issue.message]);
    }
  }
  // fromEntries defines each key as an own property, `__proto__` included.
  return Object.fromEntries(fields);
}

function fromZod(error: z.ZodError): ApiError {
  const fields = zodFieldErrors(error);
  const first = Object.entries(fields)[0];
  const message = first ? `${first[0]}: ${first[1][0]}` : "Invalid input";
  return new ApiError("validation_failed", message, { fields });
}

/** PostgreSQL's "invalid byte sequence for encoding UTF8: 0x00": a NUL in a text parameter. */
const NUL_IN_TEXT = "22021";

/** The SQLSTATE of a PostgreSQL error, through Prisma's driver adapter or from pg itself. */
function postgresCode(error: unknown): string | undefined {
  if (error instanceof pg.DatabaseError) return error.code;
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return undefined;
  const meta = error.meta as { driverAdapterError?: { cause?: { originalCode?: string } } } | undefined;
  return meta?.driverAdapterError?.cause?.originalCode;
}

/** Anything thrown in a handler → the JSON error response. Unknown errors are logged, never echoed. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof z.ZodError) return fromZod(error);
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    if (error.code === "P2025") return new ApiError("not_found", "Resource not found");
    if (error.code === "P2002") return new ApiError("conflict", "A resource with these values already exists");
  }
  // Body and query text is checked before it reaches PostgreSQL; this is a path id that did not
  // pass the proxy's check of the URL (a handler called another way). No id has a NUL: not a 500.
  if (postgresCode(error) === NUL_IN_TEXT) {
    return new ApiError("bad_request", "The request contains the NUL character, which no id or text may contain");
  }
  logger.error({ err: error }, "unhandled error in API handler");
  return new ApiError("internal_error", "Something went wrong on our side. The error has been logged.");
}

export function errorResponse(error: ApiError): Response {
  const body: ErrorBody = { error: { code: error.code, message: error.message } };
  if (error.fields) body.error.fields = error.fields;
  return Response.json(body, { status: error.status, headers: error.headers });
}
