// The HTTP surface: what the SDK calls (/fn/register, /e/<key>) and what people and tools call
// (/sync, /v1/apps, /v1/runs, the page at /). One error type, one place that turns errors
// into responses; internal errors are logged and answered generically.
import http from "node:http";
import type { Logger } from "pino";
import { z } from "zod";
import type { Database } from "./db";
import type { Dispatcher } from "./dispatcher";
import type { RunStatus } from "./executor";
import { ingestEvents } from "./ingest";
import { renderRunsPage } from "./page";
import { describeZodError, eventSchema, HEADER } from "./protocol";
import { listApps, RegistrationError } from "./registry";
import { bearerMatchesSigningKey } from "./signing";
import { RUN_STATUSES, type RunStore } from "./store";
import { type AppSync, SyncError } from "./sync";

const MAX_BODY_BYTES = 4 * 1024 * 1024;
const MAX_EVENTS_PER_REQUEST = 5_000;
/** Inngest's limit for one event send (the SDK's request to /e/), enforced so the app stays within it. */
const MAX_EVENT_REQUEST_BYTES = 512 * 1024;

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export type ServerDeps = {
  db: Database;
  store: RunStore;
  sync: AppSync;
  dispatcher: Dispatcher;
  logger: Logger;
  signingKey?: string;
};

type Context = { req: http.IncomingMessage; url: URL; params: string[] };
type Reply = { status: number; json?: unknown; html?: string };
type Route = { method: string; pattern: RegExp; handle: (ctx: Context) => Promise<Reply> };

function readBody(req: http.IncomingMessage, max = MAX_BODY_BYTES): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) {
        // Keep draining (without buffering) so the 413 can still be written to the socket.
        req.off("data", onData);
        req.resume();
        reject(new HttpError(413, `request body larger than ${max} bytes`));
        return;
      }
      chunks.push(chunk);
    };
    req.on("data", onData);
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

async function readJson(req: http.IncomingMessage, max = MAX_BODY_BYTES): Promise<unknown> {
  const text = await readBody(req, max);
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, "request body is not valid JSON");
  }
}

const eventsSchema = z.array(eventSchema).max(MAX_EVENTS_PER_REQUEST);

const runListQuery = z.object({
  status: z
    .string()
    .transform((s) => RUN_STATUSES.find((status) => status.toLowerCase() === s.toLowerCase()))
    .refine((s) => s !== undefined, { message: `must be one of ${RUN_STATUSES.join(", ")}` })
    .optional(),
  function_id: z.string().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(1_000).default(50),
});

function parseRunFilter(url: URL) {
  const parsed = runListQuery.safeParse(Object.fromEntries(url.searchParams));
  if (!parsed.success) throw new HttpError(400, describeZodError(parsed.error));
  return {
    status: parsed.data.status as RunStatus | undefined,
    functionId: parsed.data.function_id,
    limit: parsed.data.limit,
  };
}

function routes(deps: ServerDeps): Route[] {
  const { db, store, sync, dispatcher, logger, signingKey } = deps;
  return [
    // GET /health — liveness for scripts waiting on the server
    { method: "GET", pattern: /^\/health$/, handle: async () => ({ status: 200, json: { status: 200, ok: true } }) },

    // GET / — the run list page
    {
      method: "GET",
      pattern: /^\/$/,
      handle: async ({ url }) => {
        const filter = parseRunFilter(url);
        const runs = await store.listRuns({ ...filter, limit: Math.min(filter.limit, 200) });
        return { status: 200, html: renderRunsPage(runs, filter, RUN_STATUSES) };
      },
    },

    // POST /e/<key> — event ingest (any key is accepted locally)
    {
      method: "POST",
      pattern: /^\/e\/([^/]*)$/,
      handle: async ({ req }) => {
        const body = await readJson(req, MAX_EVENT_REQUEST_BYTES);
        const parsed = Array.isArray(body)
          ? eventsSchema.safeParse(body)
          : eventSchema.transform((event) => [event]).safeParse(body);
        if (!parsed.success) {
          const reason = describeZodError(parsed.error, Array.isArray(body) ? "events" : "event");
          logger.warn({ reason }, "malformed event rejected");
          throw new HttpError(400, `invalid event: ${reason}`);
        }
        const seed = req.headers[HEADER.eventIdSeed];
        const result = await db.tx((c) =>
          ingestEvents(db, c, parsed.data, {
            now: Date.now(),
            seed: typeof seed === "string" ? seed : undefined,
            logger,
          }),
        );
        if (result.runIds.length > 0) {
          dispatcher.wake();
          // Runs of events dated in the future start then: arm the timer for the earliest.
          const later = parsed.data.map((e) => e.ts ?? 0).filter((ts) => ts > Date.now());
          if (later.length > 0) dispatcher.wake(Math.min(...later));
        }
        return { status: 200, json: { ids: result.ids, status: 200 } };
      },
    },

    // POST /fn/register — the SDK's out-of-band sync
    {
      method: "POST",
      pattern: /^\/fn\/register$/,
      handle: async ({ req }) => {
        if (signingKey && !bearerMatchesSigningKey(req.headers.authorization, signingKey)) {
          throw new HttpError(401, "authorization does not match the server's signing key");
        }
        const registration = sync.parseRegisterBody(await readJson(req));
        const { modified } = await sync.register(registration);
        return { status: 200, json: { status: 200, ok: true, modified, skipped: false } };
      },
    },

    // POST /sync?url=<appUrl> — make the server sync an app (in-band, or the SDK's out-of-band)
    {
      method: "POST",
      pattern: /^\/sync$/,
      handle: async ({ req, url }) => {
        let appUrl = url.searchParams.get("url");
        if (!appUrl) {
          const body = (await readJson(req)) as { url?: unknown } | null;
          appUrl = typeof body?.url === "string" ? body.url : null;
        }
        if (!appUrl) throw new HttpError(400, 'give the app URL as ?url= or as {"url": …}');
        return { status: 200, json: { data: await sync.sync(appUrl) } };
      },
    },

    // GET /v1/apps — synced apps and their functions
    {
      method: "GET",
      pattern: /^\/v1\/apps$/,
      handle: async () => ({ status: 200, json: { data: await listApps(db) } }),
    },

    // GET /v1/runs?status=&function_id=&limit= — runs, newest first
    {
      method: "GET",
      pattern: /^\/v1\/runs$/,
      handle: async ({ url }) => ({ status: 200, json: { data: await store.listRuns(parseRunFilter(url)) } }),
    },

    // GET /v1/runs/:id — one run with its steps, attempts and errors
    {
      method: "GET",
      pattern: /^\/v1\/runs\/([^/]+)$/,
      handle: async ({ params }) => {
        const run = await store.getRun(params[0]);
        if (!run) throw new HttpError(404, `run ${params[0]} not found`);
        return { status: 200, json: { data: run } };
      },
    },

    // POST /v1/runs/:id/cancel — cancel a run that has not finished
    {
      method: "POST",
      pattern: /^\/v1\/runs\/([^/]+)\/cancel$/,
      handle: async ({ params }) => {
        const status = await store.cancelRun(params[0], Date.now());
        if (!status) throw new HttpError(404, `run ${params[0]} not found`);
        return { status: 200, json: { data: { id: params[0], status } } };
      },
    },
  ];
}

function errorReply(error: unknown, logger: Logger, req: http.IncomingMessage): Reply {
  if (error instanceof HttpError) return { status: error.status, json: { error: error.message, status: error.status } };
  if (error instanceof RegistrationError) return { status: 400, json: { error: error.message, status: 400 } };
  if (error instanceof SyncError) return { status: 502, json: { error: error.message, status: 502 } };
  logger.error({ err: error, method: req.method, url: req.url }, "request failed");
  return { status: 500, json: { error: "internal error", status: 500 } };
}

export function createHttpServer(deps: ServerDeps): http.Server {
  const table = routes(deps);
  return http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://inngest-local");
    const handle = async (): Promise<Reply> => {
      const matches = table
        .map((route) => ({ route, match: route.pattern.exec(url.pathname) }))
        .filter((m) => m.match !== null);
      if (matches.length === 0) throw new HttpError(404, `no route for ${url.pathname}`);
      const found = matches.find((m) => m.route.method === req.method);
      if (!found?.match) throw new HttpError(405, `${req.method} not allowed on ${url.pathname}`);
      const params = found.match.slice(1).map((p) => {
        try {
          return decodeURIComponent(p);
        } catch {
          throw new HttpError(400, `malformed path segment ${JSON.stringify(p)}`);
        }
      });
      return found.route.handle({ req, url, params });
    };
    handle()
      .catch((error) => errorReply(error, deps.logger, req))
      .then((reply) => {
        if (res.headersSent) return;
        if (reply.html !== undefined) {
          res.writeHead(reply.status, { "content-type": "text/html; charset=utf-8" });
          res.end(reply.html);
        } else {
          res.writeHead(reply.status, { "content-type": "application/json" });
          res.end(JSON.stringify(reply.json ?? null));
        }
      })
      .catch((error) => deps.logger.error({ err: error }, "could not write response"));
  });
}
