// The SDK's wire formats (PROTOCOL.md §1): what apps register, which events we accept, what
// an execution call sends and what the SDK answers. Parsing is lenient about extra fields
// (newer SDKs add some) and strict about the ones the server relies on.
import { z } from "zod";

export const HEADER = {
  noRetry: "x-inngest-no-retry",
  retryAfter: "retry-after",
  reqVersion: "x-inngest-req-version",
  serverKind: "x-inngest-server-kind",
  signature: "x-inngest-signature",
  syncKind: "x-inngest-sync-kind",
  eventIdSeed: "x-inngest-event-id-seed",
} as const;

export const FUNCTION_FAILED_EVENT = "inngest/function.failed";
export const CRON_EVENT = "inngest/scheduled.timer";

/** `retries` when a function sets none (the real server's default). */
export const DEFAULT_RETRIES = 3;
export const MAX_RETRIES = 20;

const concurrencySchema = z.looseObject({
  limit: z.number().int(),
  key: z.string().nullish(),
  scope: z.enum(["fn", "env", "account"]).nullish(),
});
export type ConcurrencyConfig = z.infer<typeof concurrencySchema>;

const eventTriggerSchema = z.looseObject({ event: z.string().min(1), expression: z.string().nullish() });
const cronTriggerSchema = z.looseObject({ cron: z.string().min(1), jitter: z.string().nullish() });

export const functionConfigSchema = z.looseObject({
  id: z.string().min(1),
  name: z.string().nullish(),
  triggers: z.array(z.union([eventTriggerSchema, cronTriggerSchema])).default([]),
  steps: z.record(
    z.string(),
    z.looseObject({
      runtime: z.looseObject({ type: z.string().nullish(), url: z.url() }),
      retries: z.looseObject({ attempts: z.number().int().min(0) }).nullish(),
    }),
  ),
  concurrency: z.union([z.number().int(), concurrencySchema, z.array(concurrencySchema).max(2)]).nullish(),
  idempotency: z.string().nullish(),
});
export type FunctionConfig = z.infer<typeof functionConfigSchema>;

export function isCronTrigger(
  trigger: FunctionConfig["triggers"][number],
): trigger is z.infer<typeof cronTriggerSchema> {
  return "cron" in trigger && typeof trigger.cron === "string";
}

/** Body of the SDK's out-of-band `POST /fn/register`. */
export const registerBodySchema = z.looseObject({
  url: z.url(),
  appName: z.string().min(1),
  functions: z.array(functionConfigSchema),
  sdk: z.string().nullish(),
  framework: z.string().nullish(),
});

/** The SDK's answer to an in-band sync (`PUT` with `x-inngest-sync-kind: in_band`). */
export const inBandSyncResponseSchema = z.looseObject({
  app_id: z.string().min(1),
  url: z.url(),
  functions: z.array(functionConfigSchema),
  sdk: z.string().nullish(),
  framework: z.string().nullish(),
});

export type AppRegistration = {
  appId: string;
  url: string;
  sdk: string | null;
  framework: string | null;
  functions: FunctionConfig[];
};

/** One event as sent to `POST /e/<key>`. */
export const eventSchema = z.looseObject({
  name: z.string().trim().min(1, "must be a non-empty string"),
  data: z.record(z.string(), z.unknown()).nullish(),
  id: z.string().min(1).nullish(),
  ts: z.number().int().nonnegative().nullish(),
  user: z.record(z.string(), z.unknown()).nullish(),
  v: z.string().nullish(),
});
export type EventInput = z.infer<typeof eventSchema>;

/** The event as stored and handed to functions. */
export type EventPayload = {
  name: string;
  data: Record<string, unknown>;
  id: string;
  ts: number;
  [key: string]: unknown;
};

/** One op in a 206 response. */
const opSchema = z.looseObject({
  id: z.string().min(1),
  op: z.string().min(1),
  name: z.string().nullish(),
  displayName: z.string().nullish(),
  opts: z.record(z.string(), z.unknown()).nullish(),
  data: z.unknown().optional(),
  error: z.unknown().optional(),
});
export type Op = z.infer<typeof opSchema>;
export const opsSchema = z.array(opSchema).min(1, "expected at least one op");

export type SerializedError = { name: string; message: string; stack?: string; [key: string]: unknown };

/** Normalises whatever an app sent as an error into `{name, message, stack}` (the SDK's shape). */
export function toSerializedError(value: unknown, fallbackMessage = "unknown error"): SerializedError {
  if (value && typeof value === "object" && !Array.isArray(value)) {
    const record = value as Record<string, unknown>;
    const message =
      typeof record.message === "string" ? record.message : typeof record.error === "string" ? record.error : undefined;
    return {
      ...record,
      name: typeof record.name === "string" && record.name ? record.name : "Error",
      message: message ?? fallbackMessage,
      stack: typeof record.stack === "string" ? record.stack : undefined,
    };
  }
  if (typeof value === "string" && value) return { name: "Error", message: value };
  return { name: "Error", message: fallbackMessage };
}

export function localError(message: string): SerializedError {
  return { name: "InngestLocalError", message };
}

/** A memoised step result as sent back in the `steps` map of later calls. */
export type MemoValue = { data: unknown } | { error: SerializedError };

/** Body of an execution call. `ctx.fn_id` is deliberately absent: it would switch the SDK to checkpointing. */
export type CallRequestBody = {
  event: EventPayload;
  events: EventPayload[];
  steps: Record<string, MemoValue>;
  version: number;
  ctx: {
    run_id: string;
    attempt: number;
    max_attempts: number;
    disable_immediate_execution: boolean;
    use_api: false;
    stack: { stack: string[]; current: number };
  };
};

export function describeZodError(error: z.ZodError, prefix = ""): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => {
      const path = [prefix, ...issue.path.map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`))].join("");
      return `${path.replace(/^\./, "") || "body"}: ${issue.message}`;
    })
    .join("; ");
}
