// Shared helpers for the contract tests: a real SDK app on node:http, the run API, polling.
import { randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Inngest, InngestFunction } from "inngest";
import { serve } from "inngest/node";
import pg from "pg";
import type { RunDetail, RunSummary } from "./store";

/** Keeps the SDK quiet: expected step failures would otherwise fill the test output. */
export const silentLogger = { info() {}, warn() {}, error() {}, debug() {} };

export function testDatabaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set (tests/setup.ts provides it)");
  return url;
}

export function uniqueSchema(label: string): string {
  return `inngest_local_test_${label}_${randomBytes(4).toString("hex")}`;
}

export async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: testDatabaseUrl() });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}

/**
 * A free port for a server that must come back on the same port (a restarted app, an app that
 * starts after the URL is configured). Taken below Linux's ephemeral range (32768–60999), where the
 * machine's outgoing connections never land — a port the kernel handed out could be taken by
 * one of them before the server listens again. Free when returned; a clash with another test's
 * choice is a 1-in-12,000 chance.
 */
export async function portForRestarts(): Promise<number> {
  for (;;) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    const probe = http.createServer();
    const free = await new Promise<boolean>((resolve) => {
      probe.once("error", () => resolve(false));
      probe.listen(port, "127.0.0.1", () => resolve(true));
    });
    if (free) {
      await new Promise((resolve) => probe.close(resolve));
      return port;
    }
  }
}

/** Polls `check` until it returns something other than undefined/false, or fails after the deadline. */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T | undefined | false> | T | undefined | false,
  { timeoutMs = 15_000, intervalMs = 25 } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined && value !== false) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `timed out after ${timeoutMs} ms waiting for ${what}${last ? ` (last error: ${String(last)})` : ""}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

type AnyFunction = InngestFunction.Any;

export type TestApp = {
  url: string;
  port: number;
  /** Requests currently inside serve() and the most seen at once. */
  stats: { current: number; max: number; total: number };
  /** Serve a different function set from now on (simulates a redeploy). */
  setFunctions(functions: AnyFunction[]): void;
  close(): Promise<void>;
};

export async function startApp(client: Inngest.Any, functions: AnyFunction[], port = 0): Promise<TestApp> {
  let handler = serve({ client, functions });
  const stats = { current: 0, max: 0, total: 0 };
  const server = http.createServer((req, res) => {
    if (!req.url?.startsWith("/api/inngest")) {
      res.writeHead(404).end();
      return;
    }
    stats.current += 1;
    stats.total += 1;
    stats.max = Math.max(stats.max, stats.current);
    res.on("close", () => {
      stats.current -= 1;
    });
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const actual = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${actual}/api/inngest`,
    port: actual,
    stats,
    setFunctions(next) {
      handler = serve({ client, functions: next });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

export async function listRuns(serverUrl: string, query: Record<string, string> = {}): Promise<RunSummary[]> {
  const res = await fetch(`${serverUrl}/v1/runs?${new URLSearchParams({ limit: "1000", ...query })}`);
  if (!res.ok) throw new Error(`GET /v1/runs: ${res.status}`);
  return ((await res.json()) as { data: RunSummary[] }).data;
}

export async function getRun(serverUrl: string, id: string): Promise<RunDetail> {
  const res = await fetch(`${serverUrl}/v1/runs/${id}`);
  if (!res.ok) throw new Error(`GET /v1/runs/${id}: ${res.status}`);
  return ((await res.json()) as { data: RunDetail }).data;
}

/** Waits until `count` runs of a function have finished and returns them (newest first). */
export function finishedRuns(
  serverUrl: string,
  functionId: string,
  count = 1,
  timeoutMs?: number,
): Promise<RunSummary[]> {
  return waitFor(
    `${count} finished run(s) of ${functionId}`,
    async () => {
      const runs = await listRuns(serverUrl, { function_id: functionId });
      const done = runs.filter((r) => r.status === "Completed" || r.status === "Failed" || r.status === "Cancelled");
      return done.length >= count ? done : undefined;
    },
    { timeoutMs },
  );
}

export async function postEvents(
  serverUrl: string,
  body: unknown,
  raw = false,
): Promise<{ status: number; json: unknown }> {
  const res = await fetch(`${serverUrl}/e/test-key`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: raw ? (body as string) : JSON.stringify(body),
  });
  return { status: res.status, json: await res.json() };
}
