// npm run bench:delivery — delivery latency, throughput and overload against a production build
// (next start) and the local Inngest server, with receivers on 127.0.0.1. Prints figures; asserts
// nothing. Uses its own database (blue_bench) and ports 3300 / 8488.
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { monitorEventLoopDelay } from "node:perf_hooks";
import pg from "pg";
import { Agent, request } from "undici";
import { databaseUrl, withDatabase } from "./db/config";
import { INNGEST_LOCAL_APPLICATION_NAME, WORKER_APPLICATION_NAME } from "./process-priority";

const PORT = 3300;
const BASE = `http://127.0.0.1:${PORT}`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const pct = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : Number.NaN;
};
const fmt = (values: number[]) =>
  `p50 ${pct(values, 50).toFixed(1)} ms, p95 ${pct(values, 95).toFixed(1)} ms, p99 ${pct(values, 99).toFixed(1)} ms (n=${values.length})`;

/** web or worker: dev.ts starts the two next start processes with BLUE_PROCESS_ROLE set. */
function roleOf(pid: string): string {
  const environ = fs.readFileSync(`/proc/${pid}/environ`, "utf8").split("\0");
  return environ.find((e) => e.startsWith("BLUE_PROCESS_ROLE="))?.slice("BLUE_PROCESS_ROLE=".length) ?? "web";
}

type CpuSnapshot = Map<string, { kind: string; seconds: number }>;

/** The database sessions' owners by backend pid (PostgreSQL's own processes are not listed). */
let database: pg.Client | undefined;
async function sessionOwners(): Promise<Map<string, string>> {
  if (!database) return new Map();
  const { rows } = await database.query<{ pid: number; name: string }>(
    "SELECT pid, application_name AS name FROM pg_stat_activity WHERE backend_type = 'client backend'",
  );
  const label = (name: string) =>
    name === WORKER_APPLICATION_NAME
      ? "worker"
      : name === INNGEST_LOCAL_APPLICATION_NAME
        ? "local Inngest"
        : name || "web";
  return new Map(rows.map((r) => [String(r.pid), label(r.name)]));
}

/** CPU seconds used so far by each process of interest, by pid (from /proc; Linux only). */
async function cpuByProcess(): Promise<CpuSnapshot> {
  const owners = await sessionOwners();
  const out: CpuSnapshot = new Map();
  const hz = 100;
  for (const pid of fs.readdirSync("/proc").filter((p) => /^\d+$/.test(p))) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const seconds = (Number(fields[11]) + Number(fields[12])) / hz;
      const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0/g, " ");
      const kind = cmd.startsWith("postgres")
        ? `postgres (${owners.get(pid) ?? "its own processes"})`
        : cmd.includes("next-server") || cmd.includes("next/dist/bin/next")
          ? `next start (${roleOf(pid)})`
          : cmd.includes("tools/inngest-local/cli.ts")
            ? "local Inngest"
            : cmd.includes("bench-delivery")
              ? "bench (receivers + client)"
              : null;
      if (kind) out.set(pid, { kind, seconds });
    } catch {}
  }
  return out;
}

/** CPU used since `before`, by kind (a process that exited in between is not counted). */
async function printCpu(before: CpuSnapshot, wallSeconds: number) {
  const byKind = new Map<string, number>();
  for (const [pid, { kind, seconds }] of await cpuByProcess()) {
    byKind.set(kind, (byKind.get(kind) ?? 0) + seconds - (before.get(pid)?.seconds ?? 0));
  }
  const parts = [...byKind.entries()]
    .filter(([, s]) => s > 0.05)
    .sort((a, b) => b[1] - a[1])
    .map(([kind, s]) => `${kind} ${s.toFixed(1)} s (${((s / wallSeconds) * 100).toFixed(0)} % of a core)`);
  console.log(`    CPU: ${parts.join(", ")}`);
}

type Receiver = { url: string; arrivals: { id: string; at: number; sentAt: number }[]; close(): Promise<void> };

async function startReceiver(): Promise<Receiver> {
  const arrivals: Receiver["arrivals"] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => {
      const at = Date.now();
      const body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
      arrivals.push({ id: body.id, at, sentAt: Date.parse(body.timestamp) });
      res.writeHead(200).end("ok");
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/hook`, arrivals, close: () => new Promise((r) => server.close(() => r())) };
}

const api = new Agent({ connections: 64 });
let cookie = "";
async function call(method: string, path: string, body?: unknown) {
  const res = await request(`${BASE}${path}`, {
    method: method as "GET",
    dispatcher: api,
    headers: { "content-type": "application/json", cookie },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.body.text();
  if (res.statusCode >= 400) throw new Error(`${method} ${path}: ${res.statusCode} ${text}`);
  return { json: text ? JSON.parse(text) : null, headers: res.headers };
}

function startApp(): ChildProcess {
  const child = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      "scripts/dev.ts",
      "--production",
      "--allow-loopback-webhooks",
      "--database",
      "blue_bench",
      "--fresh",
      "--durable",
    ],
    {
      detached: true,
      stdio: ["ignore", "pipe", "inherit"],
      env: {
        ...process.env,
        PORT: String(PORT),
        INNGEST_LOCAL_PORT: "8488",
        LOG_LEVEL: "warn",
        INNGEST_LOCAL_LOG_LEVEL: "warn",
      },
    },
  );
  return child;
}

async function waitReady(child: ChildProcess) {
  let out = "";
  child.stdout?.on("data", (d) => {
    out += d;
  });
  for (let i = 0; i < 600 && !out.includes("Blue Webhooks:"); i++) await sleep(500);
  if (!out.includes("Blue Webhooks:")) throw new Error("the app did not start");
}

async function waitFor(check: () => boolean, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) return false;
    await sleep(50);
  }
  return true;
}

async function createTodos(
  projectId: string,
  listId: string,
  perSecond: number,
  seconds: number,
  onApiLatency?: (ms: number) => void,
) {
  const total = Math.round(perSecond * seconds);
  const started = performance.now();
  const inFlight: Promise<unknown>[] = [];
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / perSecond;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    const t0 = performance.now();
    inFlight.push(
      call("POST", `/api/v1/projects/${projectId}/todos`, { todoListId: listId, title: `bench ${i}` }).then(() =>
        onApiLatency?.(performance.now() - t0),
      ),
    );
  }
  await Promise.all(inFlight);
  return total;
}

/** POST /todos at a steady rate for 20 s while GET /api/v1/me is sampled; prints both latencies. */
async function apiUnderLoad(projectId: string, listId: string, eventsPerSecond: number, label: string) {
  const meLatencies: number[] = [];
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      const s0 = performance.now();
      await call("GET", "/api/v1/me");
      meLatencies.push(performance.now() - s0);
      await sleep(50);
    }
  })();
  const createLatencies: number[] = [];
  const lag = monitorEventLoopDelay({ resolution: 5 });
  lag.enable();
  const cpu = await cpuByProcess();
  const started = Date.now();
  const sent = await createTodos(projectId, listId, eventsPerSecond, 20, (ms) => createLatencies.push(ms));
  sampling = false;
  await sampler;
  console.log(`    GET /api/v1/me ${label}: ${fmt(meLatencies)}`);
  console.log(`    POST /todos ${label}:    ${fmt(createLatencies)}`);
  await printCpu(cpu, (Date.now() - started) / 1000);
  lag.disable();
  console.log(
    `    this process's event-loop delay: p50 ${(lag.percentile(50) / 1e6).toFixed(1)} ms, p99 ${(lag.percentile(99) / 1e6).toFixed(1)} ms, max ${(lag.max / 1e6).toFixed(1)} ms`,
  );
  return sent;
}

/**
 * Open the connection that tells whose database sessions use the CPU, and print the settings a
 * commit's cost depends on (the embedded server this script starts has them on, as a production
 * database would), so that the figures are labelled with them.
 */
async function openDatabase() {
  database = new pg.Client({ connectionString: withDatabase(databaseUrl(), "blue_bench"), application_name: "bench" });
  database.on("error", () => undefined);
  await database.connect();
  const { rows } = await database.query<{ name: string; setting: string }>(
    "SELECT name, setting FROM pg_settings WHERE name IN ('fsync', 'synchronous_commit', 'full_page_writes') ORDER BY name",
  );
  console.log(`PostgreSQL: ${rows.map((r) => `${r.name}=${r.setting}`).join(", ")}`);
}

/** --overload-rate N: skip (a) and (b), and overload at N events/s (for working on (c)). */
const overloadArg = process.argv.indexOf("--overload-rate");
const overloadRate = overloadArg > 0 ? Number(process.argv[overloadArg + 1]) : undefined;

async function main() {
  const receivers = await Promise.all(Array.from({ length: 100 }, startReceiver));
  const app = startApp();
  const stop = () => {
    try {
      process.kill(-app.pid!, "SIGTERM");
    } catch {}
  };
  process.on("SIGINT", () => {
    stop();
    process.exit(130);
  });
  try {
    await waitReady(app);
    await openDatabase();
    const signIn = await call("POST", "/api/v1/auth/sign-in", { email: "demo@example.com", password: "demo-password" });
    cookie = String(signIn.headers["set-cookie"]).split(";")[0];
    const groups = (await call("GET", "/api/v1/projects")).json.data;
    const project = groups
      .flatMap((g: { projects: { id: string; name: string }[] }) => g.projects)
      .find((p: { name: string }) => p.name === "Website Relaunch");
    const board = (await call("GET", `/api/v1/projects/${project.id}/board`)).json;
    const listId = board.lists[0].id;
    const hook = (r: Receiver, i: number) =>
      call("POST", "/api/v1/webhooks", {
        name: `bench ${i}`,
        url: r.url,
        events: ["TODO_CREATED"],
        projectIds: [project.id],
      });

    const latencyPhase = async () => {
      console.log("\n(a) latency, commit → receiver: 10 matching webhooks, 20 events/s for 10 s");
      const ten = await Promise.all(receivers.slice(0, 10).map((r, i) => hook(r, i)));
      // Warm-up (JIT, connection pools, query plans), not measured.
      await createTodos(project.id, listId, 20, 3);
      await waitFor(() => receivers.slice(0, 10).reduce((n, r) => n + r.arrivals.length, 0) >= 600, 60_000);
      for (const r of receivers) r.arrivals.length = 0;
      await createTodos(project.id, listId, 20, 10);
      const expectedA = 200 * 10;
      const okA = await waitFor(
        () => receivers.slice(0, 10).reduce((n, r) => n + r.arrivals.length, 0) >= expectedA,
        60_000,
      );
      const latencies = receivers.slice(0, 10).flatMap((r) => r.arrivals.map((a) => a.at - a.sentAt));
      console.log(`    ${fmt(latencies)}${okA ? "" : " — NOT ALL ARRIVED"}`);
      for (const w of ten) await call("DELETE", `/api/v1/webhooks/${w.json.id}`);
      for (const r of receivers) r.arrivals.length = 0;
    };

    if (overloadRate === undefined) await latencyPhase();

    if (overloadRate === undefined)
      console.log("\n(b) throughput: 100 matching webhooks, 100 events as fast as the API takes them");
    const hooks = await Promise.all(receivers.map((r, i) => hook(r, i)));
    const throughputPhase = async () => {
      const t0 = Date.now();
      const cpuB = await cpuByProcess();
      await createTodos(project.id, listId, 200, 0.5);
      const expectedB = 100 * 100;
      await waitFor(() => receivers.reduce((n, r) => n + r.arrivals.length, 0) >= expectedB, 120_000);
      const lastB = Math.max(...receivers.flatMap((r) => r.arrivals.map((a) => a.at)));
      const gotB = receivers.reduce((n, r) => n + r.arrivals.length, 0);
      const perSecond = gotB / ((lastB - t0) / 1000);
      await printCpu(cpuB, (Date.now() - t0) / 1000);
      const bare = new Agent({ connections: 16 });
      const tb = performance.now();
      let next = 0;
      await Promise.all(
        Array.from({ length: 16 }, async () => {
          while (next < expectedB) {
            const i = next++;
            const res = await request(receivers[i % 100].url, {
              method: "POST",
              dispatcher: bare,
              body: `{"id":"bare-${i}","timestamp":"${new Date().toISOString()}"}`,
            });
            await res.body.dump();
          }
        }),
      );
      const barePerSecond = expectedB / ((performance.now() - tb) / 1000);
      console.log(
        `    ${gotB} deliveries in ${((lastB - t0) / 1000).toFixed(1)} s = ${perSecond.toFixed(0)} deliveries/s`,
      );
      console.log(
        `    bare undici POST loop (16 in flight): ${barePerSecond.toFixed(0)} req/s; ratio ${((perSecond / barePerSecond) * 100).toFixed(1)} %`,
      );
      return perSecond;
    };
    const warmUp = async () => {
      await createTodos(project.id, listId, 10, 3);
      await waitFor(() => receivers.reduce((n, r) => n + r.arrivals.length, 0) >= 3000, 60_000);
      for (const r of receivers) r.arrivals.length = 0;
      return ((overloadRate ?? 0) * 100) / 2;
    };
    const perSecond = overloadRate === undefined ? await throughputPhase() : await warmUp();
    for (const r of receivers) r.arrivals.length = 0;

    const eventsPerSecond = Math.max(1, Math.round((2 * perSecond) / 100));
    console.log(`\n(c) overload: ${eventsPerSecond} events/s × 100 webhooks (2× the sustained rate) for 20 s`);
    const sent = await apiUnderLoad(project.id, listId, eventsPerSecond, "during overload");
    const expectedC = sent * 100;
    const tc = Date.now();
    const okC = await waitFor(() => receivers.reduce((n, r) => n + r.arrivals.length, 0) >= expectedC, 300_000);
    const gotC = receivers.reduce((n, r) => n + r.arrivals.length, 0);
    console.log(
      `    ${gotC} of ${expectedC} deliveries arrived${okC ? `, the backlog drained ${((Date.now() - tc) / 1000).toFixed(1)} s after the load stopped` : " — NOT ALL ARRIVED"}`,
    );

    console.log(`\n(c0) the same API load with no webhook matching, for comparison`);
    for (const w of hooks) await call("DELETE", `/api/v1/webhooks/${w.json.id}`);
    await apiUnderLoad(project.id, listId, eventsPerSecond, "without deliveries");
  } finally {
    await database?.end().catch(() => undefined);
    stop();
    await Promise.all(receivers.map((r) => r.close()));
    // dev.ts stops the app, the local Inngest server and the database it started before it exits;
    // a run started right after this one would otherwise find that database going down under it.
    if (app.exitCode === null && app.signalCode === null) await new Promise((resolve) => app.once("exit", resolve));
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
