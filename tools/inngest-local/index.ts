// inngest-local: a local Inngest server for machines without the official Dev Server.
// startInngestLocal() wires the pieces together and returns a handle to sync apps and stop.
import type { AddressInfo } from "node:net";
import type { Logger } from "pino";
import { AppClient } from "./app-client";
import { Database } from "./db";
import { Dispatcher } from "./dispatcher";
import { defaultLogger } from "./logger";
import { createHttpServer } from "./server";
import { RunStore } from "./store";
import { AppSync, AppWatcher, type SyncResult } from "./sync";

export type { SyncResult } from "./sync";

export type InngestLocalOptions = {
  /** PostgreSQL connection string; the server keeps its data in `schema` there. */
  databaseUrl: string;
  /** Default 8288 (the Dev Server's port); 0 picks a free one. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Default "inngest_local". */
  schema?: string;
  /** Multiplies the retry backoff table and its jitter (1 = real schedule, tests use ~0.001). Retry-After is not scaled. */
  backoffScale?: number;
  /** Calls in flight per app, default 8. */
  maxInFlight?: number;
  /** Per call, default 5 minutes. */
  callTimeoutMs?: number;
  /** Apps to sync at start and keep synced (e.g. http://127.0.0.1:3000/api/inngest). */
  appUrls?: string[];
  /** How often `appUrls` are re-synced, default 5 s; 0 syncs once at start. */
  syncIntervalMs?: number;
  /** Signs calls and checks /fn/register's bearer token, so apps can run in cloud (production) mode. */
  signingKey?: string;
  logger?: Logger;
  /** Lease of a call in flight, renewed while it runs; a crashed server's calls are retried after it. Default 30 s. */
  leaseMs?: number;
  /** How often the queue is polled for work another server enqueued, default 1 s. */
  pollIntervalMs?: number;
  /** How long stop() waits for calls in flight before aborting them, default 10 s. */
  drainTimeoutMs?: number;
};

export type InngestLocal = {
  /** Base URL, e.g. http://127.0.0.1:8288: use it as the SDK's baseUrl / INNGEST_DEV. */
  url: string;
  port: number;
  sync(appUrl: string): Promise<SyncResult>;
  /** Stops syncing and leasing, drains calls in flight, closes the HTTP server, the pools and the database pool. */
  stop(): Promise<void>;
};

function positive(name: string, value: number, integer: boolean, allowZero = false): number {
  const ok = Number.isFinite(value) && (allowZero ? value >= 0 : value > 0) && (!integer || Number.isInteger(value));
  if (!ok)
    throw new Error(`${name} must be a ${allowZero ? "non-negative" : "positive"} ${integer ? "integer" : "number"}`);
  return value;
}

export async function startInngestLocal(options: InngestLocalOptions): Promise<InngestLocal> {
  if (!options.databaseUrl) throw new Error("databaseUrl is required");
  const logger = (options.logger ?? defaultLogger()).child({ component: "inngest-local" });
  const maxInFlight = positive("maxInFlight", options.maxInFlight ?? 8, true);
  const backoffScale = positive("backoffScale", options.backoffScale ?? 1, false, true);
  const callTimeoutMs = positive("callTimeoutMs", options.callTimeoutMs ?? 300_000, true);
  const leaseMs = positive("leaseMs", options.leaseMs ?? 30_000, true);
  const pollIntervalMs = positive("pollIntervalMs", options.pollIntervalMs ?? 1_000, true);
  const syncIntervalMs = positive("syncIntervalMs", options.syncIntervalMs ?? 5_000, true, true);
  const drainTimeoutMs = positive("drainTimeoutMs", options.drainTimeoutMs ?? 10_000, true, true);
  const port = positive("port", options.port ?? 8288, true, true);
  const host = options.host ?? "127.0.0.1";

  const db = new Database(options.databaseUrl, options.schema ?? "inngest_local", logger);
  try {
    await db.migrate();
  } catch (error) {
    await db.close();
    throw error;
  }
  const store = new RunStore(db, logger);
  const client = new AppClient({
    connectionsPerOrigin: maxInFlight,
    timeoutMs: callTimeoutMs,
    signingKey: options.signingKey,
  });
  const dispatcher = new Dispatcher(db, store, client, logger, { maxInFlight, backoffScale, leaseMs, pollIntervalMs });
  const sync = new AppSync(db, client, logger, () => dispatcher.appsChanged());
  const server = createHttpServer({ db, store, sync, dispatcher, logger, signingKey: options.signingKey });
  server.keepAliveTimeout = 5_000;

  try {
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, host, () => {
        server.off("error", reject);
        resolve();
      });
    });
  } catch (error) {
    await Promise.all([client.close(), db.close()]);
    throw error;
  }
  server.on("error", (error) => logger.error({ err: error }, "http server error"));
  const address = server.address() as AddressInfo;
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${address.port}`;

  const watcher = new AppWatcher(sync, options.appUrls ?? [], syncIntervalMs, logger);
  dispatcher.start();
  watcher.start();
  logger.info(
    {
      url,
      schema: db.schema,
      maxInFlight,
      backoffScale,
      appUrls: options.appUrls ?? [],
      signed: Boolean(options.signingKey),
    },
    "listening",
  );

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      await watcher.stop();
      await dispatcher.stop(drainTimeoutMs);
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const forced = setTimeout(() => server.closeAllConnections(), drainTimeoutMs);
      await closed;
      clearTimeout(forced);
      await client.close();
      await db.close();
      logger.info("stopped");
    })();
    return stopping;
  };

  return { url, port: address.port, sync: (appUrl) => sync.sync(appUrl), stop };
}
