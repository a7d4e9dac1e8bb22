// inngest-local command line:
//   tsx tools/inngest-local/cli.ts start [options]   run the server until SIGINT/SIGTERM
//   tsx tools/inngest-local/cli.ts runs [options]    print the run list of a running server
import { parseArgs } from "node:util";
import { startInngestLocal } from "./index";
import { defaultLogger } from "./logger";
import type { RunSummary } from "./store";

const USAGE = `Usage:
  tsx tools/inngest-local/cli.ts start [options]
      --port <n>             INNGEST_LOCAL_PORT, default 8288 (0 = any free port)
      --host <addr>          INNGEST_LOCAL_HOST, default 127.0.0.1
      --database-url <url>   INNGEST_LOCAL_DATABASE_URL, then DATABASE_URL
      --schema <name>        INNGEST_LOCAL_SCHEMA, default inngest_local
      --backoff-scale <x>    INNGEST_LOCAL_BACKOFF_SCALE, default 1 (the real retry schedule)
      --max-in-flight <n>    INNGEST_LOCAL_MAX_IN_FLIGHT, calls in flight per app, default 8
      --call-timeout <s>     INNGEST_LOCAL_CALL_TIMEOUT, seconds per call, default 300
      -u, --app-url <url>    INNGEST_LOCAL_APP_URLS (comma-separated); repeatable
      --sync-interval <s>    INNGEST_LOCAL_SYNC_INTERVAL, re-sync period for app URLs, default 5
    The signing key is read from INNGEST_SIGNING_KEY only (never from the command line).

  tsx tools/inngest-local/cli.ts runs [options]
      --url <url>            INNGEST_LOCAL_URL, default http://127.0.0.1:8288
      --status <status>      Queued | Running | Completed | Failed | Cancelled
      --function <id>        only runs of this function
      --limit <n>            default 20
      --json                 print the JSON instead of a table
`;

function fail(message: string): never {
  process.stderr.write(`${message}\n\n${USAGE}`);
  process.exit(2);
}

function number(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === "") return fallback;
  const parsed = Number(value);
  if (!Number.isFinite(parsed)) fail(`${name} must be a number, got ${JSON.stringify(value)}`);
  return parsed;
}

async function start(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: "string" },
      host: { type: "string" },
      "database-url": { type: "string" },
      schema: { type: "string" },
      "backoff-scale": { type: "string" },
      "max-in-flight": { type: "string" },
      "call-timeout": { type: "string" },
      "app-url": { type: "string", short: "u", multiple: true },
      "sync-interval": { type: "string" },
    },
  });
  const env = process.env;
  const databaseUrl = values["database-url"] ?? env.INNGEST_LOCAL_DATABASE_URL ?? env.DATABASE_URL;
  if (!databaseUrl) fail("no database: pass --database-url or set INNGEST_LOCAL_DATABASE_URL / DATABASE_URL");
  const appUrls = values["app-url"] ?? (env.INNGEST_LOCAL_APP_URLS ?? "").split(",").map((u) => u.trim());
  const logger = defaultLogger();
  const server = await startInngestLocal({
    databaseUrl,
    port: number("--port", values.port ?? env.INNGEST_LOCAL_PORT, 8288),
    host: values.host ?? env.INNGEST_LOCAL_HOST ?? "127.0.0.1",
    schema: values.schema ?? env.INNGEST_LOCAL_SCHEMA ?? "inngest_local",
    backoffScale: number("--backoff-scale", values["backoff-scale"] ?? env.INNGEST_LOCAL_BACKOFF_SCALE, 1),
    maxInFlight: number("--max-in-flight", values["max-in-flight"] ?? env.INNGEST_LOCAL_MAX_IN_FLIGHT, 8),
    callTimeoutMs: number("--call-timeout", values["call-timeout"] ?? env.INNGEST_LOCAL_CALL_TIMEOUT, 300) * 1_000,
    syncIntervalMs: number("--sync-interval", values["sync-interval"] ?? env.INNGEST_LOCAL_SYNC_INTERVAL, 5) * 1_000,
    appUrls: appUrls.filter(Boolean),
    signingKey: env.INNGEST_SIGNING_KEY || undefined,
    logger,
  });
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) {
      logger.warn({ signal }, "second signal: exiting without draining");
      process.exit(1);
    }
    stopping = true;
    logger.info({ signal }, "stopping");
    server.stop().then(
      () => process.exit(0),
      (error) => {
        logger.error({ err: error }, "stop failed");
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", () => shutdown("SIGINT"));
  process.on("SIGTERM", () => shutdown("SIGTERM"));
}

function table(runs: RunSummary[]): string {
  const rows = runs.map((r) => {
    const ms = r.startedAt ? (r.endedAt ? Date.parse(r.endedAt) : Date.now()) - Date.parse(r.startedAt) : undefined;
    return [
      r.id,
      r.status,
      r.functionId,
      r.eventName ?? "",
      r.createdAt.replace("T", " ").replace(/\.\d+Z$/, "Z"),
      ms === undefined ? "" : `${ms} ms`,
      r.error?.message ?? "",
    ];
  });
  const header = ["RUN", "STATUS", "FUNCTION", "EVENT", "CREATED", "DURATION", "ERROR"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  return [header, ...rows]
    .map((row) =>
      row
        .map((cell, i) => cell.padEnd(widths[i]))
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}

async function runs(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      url: { type: "string" },
      status: { type: "string" },
      function: { type: "string" },
      limit: { type: "string" },
      json: { type: "boolean", default: false },
    },
  });
  const base = values.url ?? process.env.INNGEST_LOCAL_URL ?? "http://127.0.0.1:8288";
  const query = new URLSearchParams({ limit: values.limit ?? "20" });
  if (values.status) query.set("status", values.status);
  if (values.function) query.set("function_id", values.function);
  let res: Response;
  try {
    res = await fetch(`${base.replace(/\/$/, "")}/v1/runs?${query}`);
  } catch (error) {
    process.stderr.write(`inngest-local is not reachable at ${base}: ${(error as Error).message}\n`);
    process.exit(1);
  }
  const body = (await res.json()) as { data?: RunSummary[]; error?: string };
  if (!res.ok || !body.data) {
    process.stderr.write(`error: ${body.error ?? `HTTP ${res.status}`}\n`);
    process.exit(1);
  }
  process.stdout.write(values.json ? `${JSON.stringify(body.data, null, 2)}\n` : `${table(body.data)}\n`);
}

function main(): Promise<void> {
  const [command, ...args] = process.argv.slice(2);
  if (command === "start") return start(args);
  if (command === "runs") return runs(args);
  if (command === "help" || command === "--help" || command === "-h") {
    process.stdout.write(USAGE);
    return Promise.resolve();
  }
  fail(command ? `unknown command "${command}"` : "missing command");
}

main().catch((error) => {
  const message = error instanceof Error ? error.message : String(error);
  if (String((error as { code?: unknown }).code).startsWith("ERR_PARSE_ARGS")) fail(message);
  process.stderr.write(`${message}\n`);
  process.exit(1);
});
