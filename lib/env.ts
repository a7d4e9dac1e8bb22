// Every setting the app reads from the environment, each with its schema and default (the t3
// way): `env.NAME` is typed and validated, and the start-up check (instrumentation.ts for the
// Next.js server, scripts/dev.ts for `npm run dev` / `npm start`) refuses to start with every bad
// variable named. Values are read when used, not once at import, so a test can set a variable at
// the top of its file or change it between cases; each distinct value is parsed only once.
import ipaddr from "ipaddr.js";
import { z } from "zod";

const POSTGRES_URL = /^postgres(ql)?$/;

function wholeNumber(min: number, max: number) {
  const message = `must be a whole number from ${min} to ${max}`;
  return z
    .string()
    .regex(/^\d+$/, message)
    .transform(Number)
    .refine((n) => n >= min && n <= max, message);
}

function decimalNumber(min: number, max: number) {
  const message = `must be a number from ${min} to ${max}`;
  return z
    .string()
    .regex(/^\d+(\.\d+)?$/, message)
    .transform(Number)
    .refine((n) => n >= min && n <= max, message);
}

const port = () => wholeNumber(1, 65_535);

const url = (protocol: RegExp, message: string) =>
  z.url({ protocol, error: (issue) => (issue.input === undefined ? "is required" : message) });

const DURATION_UNITS_MS = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000 } as const;
const MAX_WAIT_MS = 7 * 24 * 3_600_000;

/** Waits before attempts 2…5: "30s,2m,10m,30m", or plain milliseconds ("100,100,100,100"). */
export const RETRY_WAITS = 4;

const retrySchedule = z.string().transform((raw, ctx) => {
  const steps = raw.split(",").map((part) => {
    const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h)?\s*$/.exec(part);
    const ms = m ? Number(m[1]) * DURATION_UNITS_MS[(m[2] ?? "ms") as keyof typeof DURATION_UNITS_MS] : Number.NaN;
    if (!(ms <= MAX_WAIT_MS))
      ctx.addIssue({ code: "custom", message: `cannot read "${part.trim()}" (e.g. 30s, 2m, 1h)` });
    return ms;
  });
  if (steps.length !== RETRY_WAITS) {
    ctx.addIssue({ code: "custom", message: `needs ${RETRY_WAITS} waits, comma-separated (e.g. 30s,2m,10m,30m)` });
  }
  return steps;
});

type Cidr = [ipaddr.IPv4 | ipaddr.IPv6, number];

const cidrList = z.string().transform((raw, ctx) => {
  const cidrs: Cidr[] = [];
  for (const entry of raw.split(",").map((s) => s.trim())) {
    if (!entry) continue;
    try {
      cidrs.push(ipaddr.parseCIDR(entry));
    } catch {
      ctx.addIssue({ code: "custom", message: `"${entry}" is not a network in CIDR notation (e.g. 10.0.0.0/8)` });
    }
  }
  return cidrs;
});

// "1" or "true" (the SDK's default Dev Server), "0" or "false" (off), or the Dev Server's URL.
const inngestDev = z
  .string()
  .refine(
    (v) => ["0", "1", "false", "true"].includes(v) || /^https?:$/.test(URL.parse(v)?.protocol ?? ""),
    "must be 1, 0, true, false or the Dev Server's http(s) URL",
  );

const signingKey = z.string().regex(/^signkey-\w+-[0-9a-f]+$/i, "must look like signkey-<env>-<hex>");

/** What the app itself reads (web and worker processes, tests). */
const APP_SETTINGS = {
  NODE_ENV: z
    .enum(["development", "test", "production"], { error: "must be development, test or production" })
    .default("development"),
  DATABASE_URL: url(POSTGRES_URL, "must be a postgresql:// URL"),
  DATABASE_POOL_SIZE: wholeNumber(1, 1_000).default(20),
  DATABASE_PREPARED_STATEMENTS: z
    .enum(["0", "1"], { error: "must be 1 or 0" })
    .default("1")
    .transform((v) => v === "1"),
  AUTH_SECRET: z
    .string({ error: "is required (the dev command generates one into .env.local)" })
    .min(32, "must be at least 32 characters (generate one with `openssl rand -base64 32`)"),
  WEBHOOK_SECRET_KEY: z
    .string({ error: "is required (32 random bytes, base64; the dev command generates one)" })
    .refine((v) => Buffer.from(v, "base64").length === 32, "must be 32 bytes, base64-encoded"),
  WEBHOOK_ALLOWED_NETWORKS: cidrList.default([]),
  WEBHOOK_RETRY_SCHEDULE: retrySchedule.default([30_000, 120_000, 600_000, 1_800_000]),
  WEBHOOK_TIMEOUT_MS: wholeNumber(1, 300_000).default(7_000),
  WEBHOOK_MAX_RETRY_AFTER_MS: wholeNumber(1, 86_400_000).default(3_600_000),
  WEBHOOK_DISABLE_AFTER_EXHAUSTED: wholeNumber(1, 100).default(1),
  WEBHOOK_INLINE_BUDGET_MS: wholeNumber(1, 60_000).default(1000),
  WEBHOOK_SLOW_ATTEMPT_MS: wholeNumber(1, 300_000).default(1000),
  WEBHOOK_SECRET_GRACE_HOURS: decimalNumber(0, 720).default(24),
  DELIVERY_RETENTION_DAYS: wholeNumber(1, 3_650).default(30),
  APP_URL: url(/^https?$/, "must be the app's http(s) URL, e.g. https://blue.example.com").optional(),
  INVITATION_EXPIRY_DAYS: wholeNumber(1, 90).default(7),
  LOG_LEVEL: z
    .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], {
      error: "must be one of fatal, error, warn, info, debug, trace, silent",
    })
    .optional(),
  SMTP_URL: url(/^smtps?$/, "must be an smtp:// or smtps:// URL").optional(),
  SMTP_FROM: z
    .string()
    .regex(/@/, "must be an e-mail address, optionally with a name: Name <address@example.com>")
    .default("Blue Webhooks <no-reply@blue-webhooks.local>"),
  // Read by the Inngest SDK itself; checked here so that a typo stops the start, not every call.
  INNGEST_DEV: inngestDev.optional(),
  INNGEST_BASE_URL: z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).optional(),
  INNGEST_SERVE_ORIGIN: z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).optional(),
  INNGEST_EVENT_KEY: z.string().optional(),
  INNGEST_SIGNING_KEY: signingKey.optional(),
  INNGEST_SIGNING_KEY_FALLBACK: signingKey.optional(),
  INNGEST_ALLOW_DEV_IN_PRODUCTION: z.enum(["0", "1"], { error: "must be 1 or 0" }).optional(),
} as const;

/** What `npm run dev` / `npm start` (scripts/dev.ts) reads to start the processes. */
const LAUNCHER_SETTINGS = {
  PORT: port().default(3000),
  WORKER_PORT: port().optional(),
  WORKER_NICE: wholeNumber(0, 19).default(19),
  INNGEST_LOCAL_PORT: port().default(8288),
  PGPORT_EMBEDDED: port().default(55432),
  PGDATA_DIR: z.string().optional(),
  NEXT_CPU_PROFILE_DIR: z.string().optional(),
} as const;

type Schemas = Record<string, z.ZodType>;
type Values<S extends Schemas> = { readonly [K in keyof S]: z.output<S[K]> };
type Source = Record<string, string | undefined>;

export type AppSetting = keyof typeof APP_SETTINGS;

export class InvalidConfigurationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  ${p}`).join("\n")}`);
    this.name = "InvalidConfigurationError";
  }
}

// An empty variable counts as unset (`FOO= npm start` turns FOO off).
const raw = (source: Source, name: string) => (source[name] === "" ? undefined : source[name]);

function problemsOf(name: string, result: z.ZodSafeParseResult<unknown>): string[] {
  return result.success ? [] : result.error.issues.map((issue) => `${name}: ${issue.message}`);
}

const parsed = new Map<string, { raw: string | undefined; value: unknown }>();

function read(schemas: Schemas, name: string): unknown {
  const value = raw(process.env, name);
  const hit = parsed.get(name);
  if (hit && hit.raw === value) return hit.value;
  const result = schemas[name].safeParse(value);
  if (!result.success) throw new InvalidConfigurationError(problemsOf(name, result));
  parsed.set(name, { raw: value, value: result.data });
  return result.data;
}

function lazySettings<S extends Schemas>(schemas: S): Values<S> {
  const target = {};
  for (const name of Object.keys(schemas)) {
    Object.defineProperty(target, name, { enumerable: true, get: () => read(schemas, name) });
  }
  return target as Values<S>;
}

/** The app's settings, validated when read. */
export const env = lazySettings(APP_SETTINGS);

/** The start command's own settings (ports, priorities, the embedded PostgreSQL). */
export const launcherEnv = lazySettings(LAUNCHER_SETTINGS);

const isOn = (value: string | undefined) => value !== undefined && value !== "0" && value !== "false";

/** Dev mode skips request signing, so it must never run in production. */
function inngestModeProblems(source: Source): string[] {
  const devInProduction =
    raw(source, "NODE_ENV") === "production" &&
    isOn(raw(source, "INNGEST_DEV")) &&
    raw(source, "INNGEST_ALLOW_DEV_IN_PRODUCTION") !== "1";
  return devInProduction
    ? [
        "INNGEST_DEV: must not be set while NODE_ENV=production: dev mode skips request signing. Unset INNGEST_DEV and set INNGEST_SIGNING_KEY and INNGEST_EVENT_KEY.",
      ]
    : [];
}

/** Production talks to Inngest Cloud or a self-hosted server, which needs both keys. */
function inngestKeyProblems(source: Source): string[] {
  if (raw(source, "NODE_ENV") !== "production" || isOn(raw(source, "INNGEST_DEV"))) return [];
  return (["INNGEST_SIGNING_KEY", "INNGEST_EVENT_KEY"] as const)
    .filter((name) => raw(source, name) === undefined)
    .map((name) => `${name}: is required in production (Inngest Cloud or a self-hosted Inngest server)`);
}

type CheckOptions = {
  /** Which group: the app's settings (default) or also the start command's. */
  launcher?: boolean;
  /** Settings that may be missing here because the caller provides them later. */
  provided?: AppSetting[];
};

/** Every problem with the configuration in `source`, each naming its variable. */
export function configurationProblems(source: Source = process.env, options: CheckOptions = {}): string[] {
  const schemas: Schemas = options.launcher ? { ...APP_SETTINGS, ...LAUNCHER_SETTINGS } : APP_SETTINGS;
  const problems = Object.entries(schemas).flatMap(([name, schema]) => {
    const value = raw(source, name);
    if (value === undefined && options.provided?.includes(name as AppSetting)) return [];
    return problemsOf(name, schema.safeParse(value));
  });
  return [...problems, ...inngestModeProblems(source), ...inngestKeyProblems(source)];
}

/** The start-up check: throws with every bad variable named. */
export function assertValidConfiguration(source: Source = process.env, options: CheckOptions = {}) {
  const problems = configurationProblems(source, options);
  if (problems.length) throw new InvalidConfigurationError(problems);
}

/** The start-up check of a command or server: prints every bad variable, then exits. */
export function exitOnInvalidConfiguration(source: Source = process.env, options: CheckOptions = {}) {
  const problems = configurationProblems(source, options);
  if (!problems.length) return;
  console.error(new InvalidConfigurationError(problems).message);
  process.exit(1);
}

/** Refuses Inngest's dev mode (no request signing) in production; checked when the client loads. */
export function assertSafeInngestMode(source: Source = process.env) {
  const problems = inngestModeProblems(source);
  if (problems.length) throw new InvalidConfigurationError(problems);
}
