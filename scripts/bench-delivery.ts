// npm run bench:delivery — delivery latency, throughput, overload, tenant isolation, mass failure
// and ordered delivery against a production build (next start) and the local Inngest server, with
// receivers on 127.0.0.1. Prints figures; asserts nothing. Uses its own database (blue_bench) and
// ports 3300 / 8488.
//   --only d,e,f        only these scenarios (of a, b, c, c0, d, e, e0, f), still in that order
//   --overload-rate N   (c) and (c0) at N events/s instead of twice (b)'s rate; alone it means --only c,c0
//   --scale F           (a), (d) and (e) F times as long, (f) with F times the records (0.2 for a quick look)
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
/**
 * Waits before attempts 2…5 for the whole run (the default is 30s,2m,10m,30m), so that (e)'s
 * failing deliveries use up their attempts within minutes. (a)–(c) deliver to healthy receivers only.
 */
const RETRY_WAITS_S = [2, 4, 8, 16];
const RETRY_SCHEDULE = RETRY_WAITS_S.map((s) => `${s}s`).join(",");
const ATTEMPTS = RETRY_WAITS_S.length + 1;
/** The app's default, set explicitly so that (e)'s bounded waits match what the app does. */
const TIMEOUT_MS = 7_000;

const SCENARIOS = ["a", "b", "c", "c0", "d", "e", "e0", "f"];
const argument = (name: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
/** --overload-rate N: overload at N events/s (for working on (c)). */
const overloadRate = argument("--overload-rate") === undefined ? undefined : Number(argument("--overload-rate"));
const selected = new Set(argument("--only")?.split(",") ?? (overloadRate === undefined ? SCENARIOS : ["c", "c0"]));
const runs = (scenario: string) => selected.has(scenario);
const scale = Number(argument("--scale") ?? 1);

/** A bad command line is refused before anything starts. */
function checkArguments() {
  const unknown = [...selected].filter((s) => !SCENARIOS.includes(s));
  if (unknown.length) throw new Error(`--only: no scenario ${unknown.join(", ")} (there are ${SCENARIOS.join(", ")})`);
  if (!(scale > 0)) throw new Error("--scale must be a positive number");
  if (overloadRate !== undefined && !(overloadRate > 0)) throw new Error("--overload-rate must be a positive number");
  if ((runs("c") || runs("c0")) && !runs("b") && overloadRate === undefined) {
    throw new Error("(c) and (c0) run at twice the rate (b) measures: add b to --only, or give --overload-rate");
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const pct = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : Number.NaN;
};
const fmt = (values: number[]) =>
  `p50 ${pct(values, 50).toFixed(1)} ms, p95 ${pct(values, 95).toFixed(1)} ms, p99 ${pct(values, 99).toFixed(1)} ms (n=${values.length})`;
const verdict = (held: boolean) => (held ? "held" : "MISSED");

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

async function query<T extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<T[]> {
  if (!database) throw new Error("the bench's database connection is not open");
  return (await database.query<T>(text, values)).rows;
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

/** The parts of a delivery's body the scenarios read. */
type DeliveryBody = {
  id: string;
  timestamp: string;
  event: string;
  currentValue: { id?: string; title?: string } | null;
};
type Arrival = { id: string; at: number; sentAt: number };
type Receiver = { url: string; arrivals: Arrival[]; close(): Promise<void> };
/** How a receiver answers a request: a status, possibly late, or never (the sender times out). */
type Answer = { status: number; afterMs?: number } | "never";
type ReceiverOptions = {
  answer?: (body: DeliveryBody) => Answer;
  /** Every request with the status it gets (null: none), for checks that need more than the arrival. */
  onRequest?: (body: DeliveryBody, status: number | null, at: number) => void;
};

/** An HTTP receiver on 127.0.0.1 (any path) that records every request; by default it answers 200 at once. */
async function startReceiver(options: ReceiverOptions = {}): Promise<Receiver> {
  const arrivals: Receiver["arrivals"] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => {
      const at = Date.now();
      const body: DeliveryBody = JSON.parse(Buffer.concat(chunks).toString("utf8"));
      arrivals.push({ id: body.id, at, sentAt: Date.parse(body.timestamp) });
      const answer = options.answer?.(body) ?? { status: 200 };
      options.onRequest?.(body, answer === "never" ? null : answer.status, at);
      if (answer === "never") return;
      const send = () => res.writeHead(answer.status).end("ok");
      if (answer.afterMs) setTimeout(send, answer.afterMs);
      else send();
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    arrivals,
    // Requests left unanswered on purpose would otherwise keep the server open.
    close: () =>
      new Promise((r) => {
        server.close(() => r());
        server.closeAllConnections();
      }),
  };
}

const arrivalCount = (receivers: Receiver[]) => receivers.reduce((n, r) => n + r.arrivals.length, 0);
const resetArrivals = (receivers: Receiver[]) => {
  for (const r of receivers) r.arrivals.length = 0;
};

/** A port on 127.0.0.1 with nothing listening (bound, noted, closed): connections to it are refused. */
async function refusingPort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  await new Promise((r) => server.close(r));
  return port;
}

class CallFailed extends Error {
  constructor(
    readonly status: number,
    readonly body: string,
    what: string,
  ) {
    super(`${what}: ${status} ${body}`);
  }
}

const api = new Agent({ connections: 64 });
/** The demo user's session; calls for other users pass theirs. */
let cookie = "";
async function call(method: string, path: string, body?: unknown, session = cookie) {
  const res = await request(`${BASE}${path}`, {
    method: method as "GET",
    dispatcher: api,
    headers: { "content-type": "application/json", cookie: session },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.body.text();
  if (res.statusCode >= 400) throw new CallFailed(res.statusCode, text, `${method} ${path}`);
  return { json: text ? JSON.parse(text) : null, headers: res.headers };
}

const sessionOf = (headers: Record<string, unknown>) => String(headers["set-cookie"]).split(";")[0];

async function signIn(email: string, password: string) {
  return sessionOf((await call("POST", "/api/v1/auth/sign-in", { email, password }, "")).headers);
}

type WebhookInput = {
  name: string;
  url: string;
  events?: string[];
  allEvents?: boolean;
  projectIds: string[];
  orderedDelivery?: boolean;
  disablePolicy?: { type: "exhausted"; count: number };
};
const createWebhook = async (input: WebhookInput, session = cookie): Promise<string> =>
  (await call("POST", "/api/v1/webhooks", input, session)).json.id;
const deleteWebhook = (id: string, session = cookie) => call("DELETE", `/api/v1/webhooks/${id}`, undefined, session);

/** fn over items, at most `limit` at a time (setting up and tearing down hundreds of webhooks). */
async function pooled<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

function startApp(): ChildProcess {
  const child = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      "scripts/dev.ts",
      "--production",
      "--seed-demo",
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
        WEBHOOK_RETRY_SCHEDULE: RETRY_SCHEDULE,
        WEBHOOK_TIMEOUT_MS: String(TIMEOUT_MS),
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

async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs: number, everyMs = 50) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) return false;
    await sleep(everyMs);
  }
  return true;
}

/** Starts send(0…n-1) `perSecond` apart for `seconds`, each without waiting for the one before. */
async function atRate(perSecond: number, seconds: number, send: (i: number) => Promise<unknown>) {
  const total = Math.round(perSecond * seconds);
  const started = performance.now();
  const inFlight: Promise<unknown>[] = [];
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / perSecond;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    inFlight.push(send(i));
  }
  await Promise.all(inFlight);
  return total;
}

type Board = { projectId: string; listId: string };

async function createTodos(
  projectId: string,
  listId: string,
  perSecond: number,
  seconds: number,
  onApiLatency?: (ms: number) => void,
) {
  return atRate(perSecond, seconds, (i) => {
    const t0 = performance.now();
    return call("POST", `/api/v1/projects/${projectId}/todos`, { todoListId: listId, title: `bench ${i}` }).then(() =>
      onApiLatency?.(performance.now() - t0),
    );
  });
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
  console.log(`Delivery: WEBHOOK_RETRY_SCHEDULE=${RETRY_SCHEDULE}, WEBHOOK_TIMEOUT_MS=${TIMEOUT_MS}`);
}

/** The id of the caller's project of that name. */
async function projectNamed(name: string, session = cookie): Promise<string> {
  const groups = (await call("GET", "/api/v1/projects", undefined, session)).json.data;
  const project = groups
    .flatMap((g: { projects: { id: string; name: string }[] }) => g.projects)
    .find((p: { name: string }) => p.name === name);
  if (!project) throw new Error(`no project named ${name}`);
  return project.id;
}

const benchWebhook = (r: Receiver, i: number, board: Board) =>
  createWebhook({ name: `bench ${i}`, url: r.url, events: ["TODO_CREATED"], projectIds: [board.projectId] });

/** (a) commit → receipt latency with 10 matching webhooks. */
async function latencyScenario(receivers: Receiver[], board: Board) {
  // 30 s, not 10: an event's 10 deliveries go out together, so 10 s (200 events) made the p99 the
  // p99 of 200 events — 19 slow deliveries allowed, and one slow event is 10. 30 s is 600 events.
  const seconds = Math.max(1, Math.round(30 * scale));
  console.log(`\n(a) latency, commit → receiver: 10 matching webhooks, 20 events/s for ${seconds} s`);
  const ten = receivers.slice(0, 10);
  const hooks = await Promise.all(ten.map((r, i) => benchWebhook(r, i, board)));
  // Warm-up (JIT, connection pools, query plans), not measured. (a) is the first load on freshly
  // started servers: with 3 s of it, the worker's CPU per second still fell by about 40 % during the
  // measured 10 s (JIT), and the slow deliveries fell in those first seconds. A server in production
  // has long been warm; 15 s measures that.
  const warmUpSeconds = 15;
  await createTodos(board.projectId, board.listId, 20, warmUpSeconds);
  await waitFor(() => arrivalCount(ten) >= 20 * warmUpSeconds * 10, 60_000);
  resetArrivals(receivers);
  const started = Date.now();
  const cpu = await cpuByProcess();
  const stopScheduling = sampleScheduling([...cpu].find(([, p]) => p.kind === "next start (worker)")?.[0]);
  await createTodos(board.projectId, board.listId, 20, seconds);
  const scheduling = stopScheduling();
  const expected = 20 * seconds * 10;
  const ok = await waitFor(() => arrivalCount(ten) >= expected, 60_000);
  // What 20 events a second cost at light load: the per-event work (the API call, the hand-off,
  // the fan-out run) weighs more here than in (b), where each event has 100 deliveries.
  await printCpu(cpu, (Date.now() - started) / 1000);
  const timeline = ten.flatMap((r) => r.arrivals.map((a) => ({ sentAt: a.sentAt, ms: a.at - a.sentAt })));
  console.log(`    ${fmt(timeline.map((l) => l.ms))}${ok ? "" : " — NOT ALL ARRIVED"}`);
  // Whether the slow ones are spread out or fall in a few seconds (a stall), and the machine then.
  printSlowSeconds(timeline, started, scheduling);
  await printSlowEvents(hooks, started);
  for (const id of hooks) await deleteWebhook(id);
  resetArrivals(receivers);
}

/**
 * Events of (b): enough that the figure is a sustained rate, not a burst's — with 100 events (5 s
 * of deliveries) the ramp-up and the last fan-outs' drain were a fifth of the measured time.
 */
const THROUGHPUT_EVENTS = 300;

/** (b): deliveries/s to 100 webhooks, against a bare POST loop to the same receivers. */
async function throughputPhase(receivers: Receiver[], board: Board) {
  const t0 = Date.now();
  const cpuB = await cpuByProcess();
  const stopScheduling = sampleScheduling([...cpuB].find(([, p]) => p.kind === "next start (worker)")?.[0]);
  await createTodos(board.projectId, board.listId, 200, THROUGHPUT_EVENTS / 200);
  const expectedB = 100 * THROUGHPUT_EVENTS;
  await waitFor(() => arrivalCount(receivers) >= expectedB, 120_000);
  const lastB = Math.max(...receivers.flatMap((r) => r.arrivals.map((a) => a.at)));
  const gotB = arrivalCount(receivers);
  const perSecond = gotB / ((lastB - t0) / 1000);
  const scheduling = stopScheduling().filter((x) => x.at <= lastB);
  await printCpu(cpuB, (Date.now() - t0) / 1000);
  // Where the rate comes from: each event's fan-out is one call, and the calls share the local
  // server's slots; the worker's event loop runs them all, and waits for a CPU when the machine is full.
  await printRuns(t0);
  const share = (key: "idle" | "steal" | "workerWaited", of: number) =>
    `${((scheduling.reduce((sum, x) => sum + x[key], 0) / (scheduling.length * of)) * 100).toFixed(0)} %`;
  if (scheduling.length > 0)
    console.log(
      `    meanwhile: the machine idle ${share("idle", 500)}, stolen ${share("steal", 500)}; the worker's event loop waited for a CPU ${share("workerWaited", 250)} of the time`,
    );
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
  console.log(`    ${gotB} deliveries in ${((lastB - t0) / 1000).toFixed(1)} s = ${perSecond.toFixed(0)} deliveries/s`);
  console.log(
    `    bare undici POST loop (16 in flight): ${barePerSecond.toFixed(0)} req/s; ratio ${((perSecond / barePerSecond) * 100).toFixed(1)} %`,
  );
  return perSecond;
}

/** (b) throughput, (c) overload at twice (b)'s rate (or --overload-rate), (c0) that API load without deliveries. */
async function overloadScenarios(receivers: Receiver[], board: Board) {
  if (runs("b"))
    console.log(`\n(b) throughput: 100 matching webhooks, ${THROUGHPUT_EVENTS} events as fast as the API takes them`);
  const hooks = runs("b") || runs("c") ? await Promise.all(receivers.map((r, i) => benchWebhook(r, i, board))) : [];
  let sustained = 0;
  if (runs("b")) sustained = await throughputPhase(receivers, board);
  else if (runs("c")) {
    // Warm-up for (c) when (b) did not run: the same webhooks, not measured.
    await createTodos(board.projectId, board.listId, 10, 3);
    await waitFor(() => arrivalCount(receivers) >= 3000, 60_000);
  }
  resetArrivals(receivers);
  const eventsPerSecond = Math.max(1, Math.round(overloadRate ?? (2 * sustained) / 100));

  if (runs("c")) {
    const why = overloadRate === undefined ? "2× the sustained rate" : "--overload-rate";
    console.log(`\n(c) overload: ${eventsPerSecond} events/s × 100 webhooks (${why}) for 20 s`);
    const sent = await apiUnderLoad(board.projectId, board.listId, eventsPerSecond, "during overload");
    const expectedC = sent * 100;
    const tc = Date.now();
    const okC = await waitFor(() => arrivalCount(receivers) >= expectedC, 300_000);
    const gotC = arrivalCount(receivers);
    console.log(
      `    ${gotC} of ${expectedC} deliveries arrived${okC ? `, the backlog drained ${((Date.now() - tc) / 1000).toFixed(1)} s after the load stopped` : " — NOT ALL ARRIVED"}`,
    );
  }

  if (runs("c0")) console.log(`\n(c0) the same API load with no webhook matching, for comparison`);
  for (const id of hooks) await deleteWebhook(id);
  resetArrivals(receivers);
  if (runs("c0")) await apiUnderLoad(board.projectId, board.listId, eventsPerSecond, "without deliveries");
}

/** Tenant A's records at 5/s for `seconds`, with the CPU used meanwhile; returns the deliveries to expect. */
async function tenantALoad(fast: Receiver[], board: Board, seconds: number) {
  resetArrivals(fast);
  const cpu = await cpuByProcess();
  const started = Date.now();
  const sent = await createTodos(board.projectId, board.listId, 5, seconds);
  await printCpu(cpu, (Date.now() - started) / 1000);
  return sent * fast.length;
}

/** Tenant A's commit → receipt latencies once its deliveries have arrived (a bounded wait). */
async function tenantALatency(fast: Receiver[], expected: number, label: string) {
  const all = await waitFor(() => arrivalCount(fast) >= expected, 180_000);
  const latencies = fast.flatMap((r) => r.arrivals.map((a) => a.at - a.sentAt));
  console.log(`    A ${label}: ${fmt(latencies)}${all ? "" : ` — only ${arrivalCount(fast)} of ${expected} arrived`}`);
  return latencies;
}

type TenantB = { session: string; board: Board; receiver: Receiver };

/** Tenant B: the second demo user, on its own project, with a receiver that answers after 10 s. */
async function prepareTenantB(): Promise<TenantB> {
  const session = await signIn("sam@example.com", "sam-password");
  const projectId = await projectNamed("Customer Support", session);
  // The seed gives this project no lists. Made well before B's webhook (which takes all events),
  // so that the list's own event is not one of B's deliveries.
  const list = await call("POST", `/api/v1/projects/${projectId}/lists`, { title: "Tenant B" }, session);
  const receiver = await startReceiver({ answer: () => ({ status: 200, afterMs: 10_000 }) });
  return { session, board: { projectId, listId: list.json.id }, receiver };
}

/** How far B's deliveries got: what its receiver saw, and its deliveries by status (its queue). */
async function tenantBState(b: TenantB, webhookId: string, changes: number) {
  const rows = await query<{ status: string; n: number }>(
    "SELECT status, count(*)::int AS n FROM deliveries WHERE webhook_id = $1 GROUP BY status ORDER BY status",
    [webhookId],
  );
  const recorded = rows.reduce((n, r) => n + r.n, 0);
  const distinct = new Set(b.receiver.arrivals.map((a) => a.id)).size;
  // What B's slow lane cost the engine: its runs, and those that found a newer run had replaced them.
  const [lane] = await query<{ runs: number; superseded: number; claimed: number }>(
    `SELECT count(*)::int AS runs, count(*) FILTER (WHERE (output->>'superseded')::bool)::int AS superseded,
            coalesce(sum((output->>'claimed')::int), 0)::int AS claimed
       FROM inngest_local.runs WHERE function_id LIKE '%delivery-lane' AND event->'data'->>'webhookId' = $1`,
    [webhookId],
  );
  return `${changes} changes; its receiver got ${b.receiver.arrivals.length} requests for ${distinct} of them; its deliveries: ${rows.map((r) => `${r.status} ${r.n}`).join(", ") || "none"}; ${Math.max(0, changes - recorded)} changes without a delivery yet; its lane: ${lane.runs} runs (${lane.superseded} superseded), ${lane.claimed} attempts claimed`;
}

/**
 * Wait until every event so far has been fanned out. A webhook selects the events processed after
 * it exists: (c0)'s last events, still queued for a fan-out under its overload, went to (d)'s new
 * webhooks on the same board (1,560 extra "deliveries" at ~7 s in one run).
 */
async function afterFanOuts<T>(then: T): Promise<T> {
  const done = await waitFor(
    async () =>
      (await query<{ n: number }>("SELECT count(*)::int AS n FROM events WHERE fanned_out_at IS NULL"))[0].n === 0,
    300_000,
    250,
  );
  if (!done) throw new Error("events still waiting for their fan-out after 5 minutes");
  return then;
}

/** (d): tenant A's latency alone, then while tenant B's receiver takes 10 s over each delivery. */
async function noisyNeighbour(receivers: Receiver[], board: Board) {
  // Long enough that a p99 is not one or two unlucky events: tenant A's 10 deliveries of an event
  // arrive together, so 20 s alone (100 events) made p99 the second-slowest event.
  const aloneSeconds = Math.max(1, Math.round(60 * scale));
  const togetherSeconds = Math.max(1, Math.round(90 * scale));
  const leadSeconds = 5;
  console.log(
    `\n(d) noisy neighbour: tenant A (10 webhooks, fast receivers, 5 records/s) alone for ${aloneSeconds} s, then for ${togetherSeconds} s from ${leadSeconds} s after tenant B (1 webhook, all events, receiver answers after 10 s, disabled only after 100 exhausted deliveries; 4 records/s) started`,
  );
  const b = await prepareTenantB();
  const fast = receivers.slice(0, 10);
  const aHooks = await Promise.all(
    fast.map((r, i) =>
      createWebhook({ name: `tenant A ${i}`, url: r.url, events: ["TODO_CREATED"], projectIds: [board.projectId] }),
    ),
  );
  // Warm-up, not measured.
  await createTodos(board.projectId, board.listId, 5, 3);
  await waitFor(() => arrivalCount(fast) >= 150, 60_000);
  const alone = await tenantALatency(fast, await tenantALoad(fast, board, aloneSeconds), "alone");

  const bWebhook = await createWebhook(
    // Kept enabled for the whole scenario (Blue's rule would disable it once its first delivery ran
    // out of attempts, ~65 s in, and B's load would then cost next to nothing).
    {
      name: "tenant B",
      url: b.receiver.url,
      allEvents: true,
      projectIds: [b.board.projectId],
      disablePolicy: { type: "exhausted", count: 100 },
    },
    b.session,
  );
  const bLoad = atRate(4, leadSeconds + togetherSeconds, (i) =>
    call(
      "POST",
      `/api/v1/projects/${b.board.projectId}/todos`,
      { todoListId: b.board.listId, title: `B ${i}` },
      b.session,
    ),
  );
  // Awaited below; until then a failed call must not end the process before the app is stopped.
  bLoad.catch(() => undefined);
  await sleep(leadSeconds * 1000);
  const workerPid = [...(await cpuByProcess())].find(([, p]) => p.kind === "next start (worker)")?.[0];
  const stopScheduling = sampleScheduling(workerPid);
  const since = Date.now();
  const expected = await tenantALoad(fast, board, togetherSeconds);
  const loadEnded = Date.now();
  const scheduling = stopScheduling();
  // B's load ends with A's: its queue then is the backlog it built while A was measured.
  const bState = await tenantBState(b, bWebhook, await bLoad);
  const together = await tenantALatency(fast, expected, "with B");
  // Where A's slow deliveries with B came from: the seconds they fell in, and each stage's share.
  printSlowSeconds(
    fast.flatMap((r) => r.arrivals.map((a) => ({ sentAt: a.sentAt, ms: a.at - a.sentAt }))),
    since,
    scheduling,
  );
  await printHealthyStages(aHooks, since + (loadEnded - since) / 2);

  const p50Ratio = pct(together, 50) / pct(alone, 50);
  const p99Ratio = pct(together, 99) / pct(alone, 99);
  console.log(
    `    with B / alone: p50 ${p50Ratio.toFixed(2)}×, p99 ${p99Ratio.toFixed(2)}× — ratio ≤ 1.5×: ${verdict(p50Ratio <= 1.5 && p99Ratio <= 1.5)}; p99 with B ≤ 100 ms: ${verdict(pct(together, 99) <= 100)}`,
  );
  console.log(`    B when the load stopped: ${bState}`);
  for (const id of aHooks) await deleteWebhook(id);
  await deleteWebhook(bWebhook, b.session);
  await b.receiver.close();
  resetArrivals(receivers);
}

type Tenant = { id: string; session: string };

/**
 * (e)'s project owners, one per project. A user may have 100 webhooks, and every webhook of a
 * member of an event's project is a fan-out candidate: with one owner per project, an event is
 * matched against its own project's 10 webhooks, as (a)–(d)'s events are.
 */
async function signUpTenants(count: number, prefix: string): Promise<Tenant[]> {
  return pooled(
    Array.from({ length: count }, (_, i) => i),
    4,
    async (i) => {
      const res = await call(
        "POST",
        "/api/v1/auth/sign-up",
        { name: `Bench tenant ${i}`, email: `bench-${prefix}tenant-${i}@example.com`, password: "bench-password" },
        "",
      );
      return { id: res.json.id, session: sessionOf(res.headers) };
    },
  );
}

/**
 * (e)'s 100 projects in 10 companies, each with one list, written in SQL: there is no API for
 * projects yet. The demo user owns them all (it makes the records), and tenant i owns project i.
 */
async function createMassFailureProjects(demoUserId: string, tenants: Tenant[], prefix: string): Promise<Board[]> {
  const projects = tenants.map((_, i) => ({
    id: `bench-${prefix}project-${i}`,
    companyId: `bench-${prefix}company-${Math.floor(i / 10)}`,
  }));
  const companyIds = [...new Set(projects.map((p) => p.companyId))];
  const members = [...projects.map((p) => [p.id, demoUserId]), ...projects.map((p, i) => [p.id, tenants[i].id])];
  const companyMembers = [
    ...companyIds.map((c) => [c, demoUserId]),
    ...projects.map((p, i) => [p.companyId, tenants[i].id]),
  ];
  await query("BEGIN");
  await query(
    `INSERT INTO companies (id, name, slug, updated_at) SELECT c, 'Bench ' || c, c, now() FROM unnest($1::text[]) c`,
    [companyIds],
  );
  await query(
    `INSERT INTO projects (id, company_id, name, slug, updated_at)
     SELECT p, c, 'Bench ' || p, p, now() FROM unnest($1::text[], $2::text[]) AS x(p, c)`,
    [projects.map((p) => p.id), projects.map((p) => p.companyId)],
  );
  await query(
    `INSERT INTO project_members (project_id, user_id, role)
     SELECT p, u, 'OWNER'::"Role" FROM unnest($1::text[], $2::text[]) AS x(p, u)`,
    [members.map((m) => m[0]), members.map((m) => m[1])],
  );
  await query(
    `INSERT INTO company_members (company_id, user_id, role)
     SELECT c, u, 'ADMIN'::"Role" FROM unnest($1::text[], $2::text[]) AS x(c, u)`,
    [companyMembers.map((m) => m[0]), companyMembers.map((m) => m[1])],
  );
  await query(
    `INSERT INTO todo_lists (id, project_id, title, position, updated_at)
     SELECT 'list-' || p, p, 'To do', 65536, now() FROM unnest($1::text[]) p`,
    [projects.map((p) => p.id)],
  );
  await query("COMMIT");
  return projects.map((p) => ({ projectId: p.id, listId: `list-${p.id}` }));
}

type MassWebhook = { id: string; session: string; kind: "healthy" | "timeout" | "refused" };

/**
 * Per project: webhook 0 to a receiver that never answers, 1 to a refused port, 2–9 to fast
 * receivers (by path); with no failing receivers (e0), all ten to fast ones.
 */
async function createMassFailureWebhooks(
  boards: Board[],
  tenants: Tenant[],
  receivers: Receiver[],
  failing: { silent: Receiver; refusedPort: number } | null,
): Promise<MassWebhook[]> {
  const perProject = await pooled(
    boards.map((board, p) => ({ board, p })),
    4,
    async ({ board, p }) => {
      const hooks: MassWebhook[] = [];
      for (let j = 0; j < 10; j++) {
        const kind = failing === null ? "healthy" : j === 0 ? "timeout" : j === 1 ? "refused" : "healthy";
        const path = `/mass-${p}-${j}`;
        const url =
          failing === null
            ? `${receivers[(p * 10 + j) % receivers.length].url}${path}`
            : kind === "timeout"
              ? `${failing.silent.url}${path}`
              : kind === "refused"
                ? `http://127.0.0.1:${failing.refusedPort}${path}`
                : `${receivers[(p * 8 + j - 2) % receivers.length].url}${path}`;
        const { session } = tenants[p];
        const id = await createWebhook(
          { name: `mass ${p}.${j}`, url, events: ["TODO_CREATED"], projectIds: [board.projectId] },
          session,
        );
        hooks.push({ id, session, kind });
      }
      return hooks;
    },
  );
  return perProject.flat();
}

/** Until every failing delivery has ended, or its webhook was disabled (which ends the rest), bounded. */
async function waitForFailingDeliveries(webhookIds: string[], expected: number, timeoutMs: number) {
  return waitFor(
    async () => {
      const [row] = await query<{ recorded: number; open: number }>(
        `SELECT count(*)::int AS recorded,
                count(*) FILTER (WHERE d.status IN ('PENDING', 'RETRYING') AND w.enabled)::int AS open
         FROM deliveries d JOIN webhooks w ON w.id = d.webhook_id WHERE d.webhook_id = ANY($1)`,
        [webhookIds],
      );
      return row.recorded >= expected && row.open === 0;
    },
    timeoutMs,
    2_000,
  );
}

type AttemptRow = {
  deliveryId: string;
  webhookId: string;
  status: string;
  number: number | null;
  startedMs: number | null;
  latencyMs: number | null;
};
type Attempt = { number: number; startedMs: number; latencyMs: number };

/** Each wait between the end of attempt k and the start of k+1, against the configured one. */
function waitsBetween(attempts: Attempt[]) {
  return attempts.slice(1).flatMap((next, i) => {
    const previous = attempts[i];
    const configuredMs = RETRY_WAITS_S[previous.number - 1] * 1000;
    if (next.number !== previous.number + 1 || !configuredMs) return [];
    const waitedMs = next.startedMs - (previous.startedMs + previous.latencyMs);
    return [{ before: next.number, configuredMs, waitedMs, deviationMs: waitedMs - configuredMs }];
  });
}

/** For the failing webhooks' deliveries: how many got all their attempts, and how closely the waits kept the schedule. */
async function printRetryAdherence(failing: MassWebhook[]) {
  const rows = await query<AttemptRow>(
    `SELECT d.id AS "deliveryId", d.webhook_id AS "webhookId", d.status, a.number,
            (EXTRACT(EPOCH FROM a.started_at) * 1000)::float8 AS "startedMs", a.latency_ms AS "latencyMs"
     FROM deliveries d LEFT JOIN delivery_attempts a ON a.delivery_id = d.id
     WHERE d.webhook_id = ANY($1) ORDER BY d.id, a.number`,
    [failing.map((h) => h.id)],
  );
  const kindOf = new Map(failing.map((h) => [h.id, h.kind]));
  const deliveries = new Map<string, { kind: string; status: string; attempts: Attempt[] }>();
  for (const r of rows) {
    const d = deliveries.get(r.deliveryId) ?? { kind: kindOf.get(r.webhookId)!, status: r.status, attempts: [] };
    deliveries.set(r.deliveryId, d);
    if (r.number !== null) d.attempts.push({ number: r.number, startedMs: r.startedMs!, latencyMs: r.latencyMs! });
  }
  for (const kind of ["timeout", "refused"]) {
    const ds = [...deliveries.values()].filter((d) => d.kind === kind);
    const count = (test: (d: (typeof ds)[number]) => boolean) => ds.filter(test).length;
    const waits = ds.flatMap((d) => waitsBetween(d.attempts));
    const within = waits.filter((w) => Math.abs(w.deviationMs) <= 0.1 * w.configuredMs).length;
    const worst = waits.reduce<(typeof waits)[number] | undefined>(
      (w, x) => (!w || Math.abs(x.deviationMs) > Math.abs(w.deviationMs) ? x : w),
      undefined,
    );
    console.log(
      `    ${kind}: ${ds.length} deliveries — ${count((d) => d.attempts.length >= ATTEMPTS)} got all ${ATTEMPTS} attempts, ${count((d) => d.status === "SKIPPED" && d.attempts.length > 0)} were cut short and ${count((d) => d.status === "SKIPPED" && d.attempts.length === 0)} skipped without an attempt once the webhook was disabled, ${count((d) => d.status === "PENDING" || d.status === "RETRYING")} unfinished`,
    );
    console.log(
      `      waits before attempts 2–${ATTEMPTS}: ${waits.length ? ((within / waits.length) * 100).toFixed(1) : "—"} % within 10 % of the schedule (n=${waits.length})${worst ? `; worst ${worst.deviationMs >= 0 ? "+" : ""}${(worst.deviationMs / 1000).toFixed(1)} s (before attempt ${worst.before}: ${(worst.waitedMs / 1000).toFixed(1)} s instead of ${worst.configuredMs / 1000} s)` : ""}`,
    );
  }
}

/**
 * Where a healthy delivery's time went, from the stored times: commit → handed to Inngest (the
 * outbox), → its fan-out run created and called by the local Inngest server, → delivery row written,
 * → first attempt started, and the attempt itself;
 * for all of (e) and for its second half (the tail grows as failing retries pile up).
 */
async function printHealthyStages(webhookIds: string[], secondHalf: number) {
  const rows = await query<{
    published: number;
    received: number;
    called: number;
    fanned: number;
    started: number;
    took: number;
    at: number;
  }>(
    `WITH fan_outs AS (
       SELECT DISTINCT ON (r.event->'data'->>'eventId') r.event->'data'->>'eventId' AS event_id, r.created_at, r.started_at
         FROM inngest_local.runs r
        WHERE r.function_id LIKE '%fan-out' AND r.created_at > now() - interval '30 minutes'
        ORDER BY r.event->'data'->>'eventId', r.created_at)
     SELECT extract(epoch FROM e.published_at - e.occurred_at) * 1000 AS published,
            extract(epoch FROM f.created_at - e.occurred_at) * 1000 AS received,
            extract(epoch FROM f.started_at - e.occurred_at) * 1000 AS called,
            extract(epoch FROM d.created_at - e.occurred_at) * 1000 AS fanned,
            extract(epoch FROM a.started_at - e.occurred_at) * 1000 AS started,
            a.latency_ms AS took, extract(epoch FROM e.occurred_at) * 1000 AS at
       FROM deliveries d JOIN events e ON e.id = d.event_id
       JOIN delivery_attempts a ON a.delivery_id = d.id AND a.number = 1
       LEFT JOIN fan_outs f ON f.event_id = e.id
      WHERE d.webhook_id = ANY($1)`,
    [webhookIds],
  );
  for (const [label, part] of [
    ["all", rows],
    ["second half", rows.filter((r) => Number(r.at) >= secondHalf)],
  ] as const) {
    const of = (k: "published" | "received" | "called" | "fanned" | "started" | "took") =>
      part.filter((r) => r[k] !== null).map((r) => Number(r[k]));
    console.log(`      stages (${label}): commit→sent to Inngest ${fmt(of("published"))}`);
    console.log(`        commit→run created ${fmt(of("received"))}; commit→fan-out called ${fmt(of("called"))}`);
    console.log(`        commit→delivery row ${fmt(of("fanned"))}`);
    console.log(`        commit→attempt start ${fmt(of("started"))}; attempt ${fmt(of("took"))}`);
  }
}

/**
 * The events whose slowest first attempt to these webhooks ended over 100 ms after the commit,
 * each with its stages (ms after the commit) and the fan-out's own account of its time: which
 * hand-off a slow second's deliveries waited in.
 */
async function printSlowEvents(webhookIds: string[], since: number) {
  const rows = await query<{
    at: number;
    published: number | null;
    received: number | null;
    called: number | null;
    fanned: number;
    first: number;
    last: number;
    ms: Record<string, number> | null;
    runs: string | null;
    inline: string | null;
    queued: string | null;
    background: string | null;
    triggers: string;
  }>(
    `WITH fan_outs AS (
       SELECT DISTINCT ON (r.event->'data'->>'eventId') r.event->'data'->>'eventId' AS event_id,
              r.created_at, r.started_at, r.output->'ms' AS ms, r.output AS output,
              count(*) OVER (PARTITION BY r.event->'data'->>'eventId') AS runs
         FROM inngest_local.runs r
        WHERE r.function_id LIKE '%fan-out' AND r.created_at >= $2
        ORDER BY r.event->'data'->>'eventId', r.created_at)
     SELECT extract(epoch FROM e.occurred_at) * 1000 AS at,
            extract(epoch FROM e.published_at - e.occurred_at) * 1000 AS published,
            extract(epoch FROM f.created_at - e.occurred_at) * 1000 AS received,
            extract(epoch FROM f.started_at - e.occurred_at) * 1000 AS called,
            extract(epoch FROM min(d.created_at) - e.occurred_at) * 1000 AS fanned,
            extract(epoch FROM min(a.started_at) - e.occurred_at) * 1000 AS first,
            max(extract(epoch FROM a.started_at - e.occurred_at) * 1000 + a.latency_ms) AS last, f.ms,
            f.runs, f.output->>'inline' AS inline, f.output->>'queued' AS queued, f.output->>'background' AS background,
            string_agg(DISTINCT a.trigger, ',') AS triggers
       FROM deliveries d JOIN events e ON e.id = d.event_id
       JOIN delivery_attempts a ON a.delivery_id = d.id AND a.number = 1
       LEFT JOIN fan_outs f ON f.event_id = e.id
      WHERE d.webhook_id = ANY($1) AND e.occurred_at >= $2
      GROUP BY e.id, f.created_at, f.started_at, f.ms, f.runs, f.output
     HAVING max(extract(epoch FROM a.started_at - e.occurred_at) * 1000 + a.latency_ms) > 100
      ORDER BY e.occurred_at LIMIT 12`,
    [webhookIds, new Date(since).toISOString()],
  );
  const ms = (v: number | null | undefined) => (v === null || v === undefined ? "–" : Number(v).toFixed(0));
  for (const r of rows) {
    console.log(
      `        event at ${((Number(r.at) - since) / 1000).toFixed(2)} s: sent to Inngest ${ms(r.published)}, run created ${ms(r.received)}, fan-out called ${ms(r.called)} (match ${ms(r.ms?.match)}, wait ${ms(r.ms?.wait)}, commit ${ms(r.ms?.commit)}; ${r.runs ?? 0} run(s), ${r.inline} inline, ${r.background} background, ${r.queued} queued), first attempt ${ms(r.first)} (${r.triggers}), delivery row ${ms(r.fanned)}, last answer ${ms(r.last)}`,
    );
  }
}

/**
 * Sample what the active database sessions wait on (every 200 ms, on a connection of its own)
 * until stopped: lock waits point at row contention, IO waits at commits' flushes. Every 50 ms it
 * cost the machine ~3 % of a core (the query over pg_stat_activity, 0.6 ms each, and the session)
 * at normal priority during the very minute it measures; 300 samples over (e)'s minute suffice.
 * It also counts the worker's active statements (their first words), to say which ones its
 * database time goes to when the failing webhooks add to it.
 */
function sampleWaits() {
  const sampler = new pg.Client({
    connectionString: withDatabase(databaseUrl(), "blue_bench"),
    application_name: "bench",
  });
  const counts = new Map<string, number>();
  const statements = new Map<string, number>();
  let samples = 0;
  let stopped = false;
  const done = (async () => {
    await sampler.connect();
    while (!stopped) {
      const { rows } = await sampler.query<{ who: string; wait: string; statement: string }>(
        `SELECT CASE application_name WHEN $1 THEN 'worker' WHEN $2 THEN 'local Inngest' ELSE 'web' END AS who,
                coalesce(wait_event_type || ':' || wait_event, 'CPU') AS wait,
                left(regexp_replace(query, '\\s+', ' ', 'g'), 48) AS statement
           FROM pg_stat_activity
          WHERE backend_type = 'client backend' AND state = 'active' AND application_name <> 'bench'`,
        [WORKER_APPLICATION_NAME, INNGEST_LOCAL_APPLICATION_NAME],
      );
      samples++;
      for (const r of rows) {
        counts.set(`${r.who} ${r.wait}`, (counts.get(`${r.who} ${r.wait}`) ?? 0) + 1);
        if (r.who === "worker") statements.set(r.statement, (statements.get(r.statement) ?? 0) + 1);
      }
      await sleep(200);
    }
    await sampler.end();
  })();
  return async () => {
    stopped = true;
    await done;
    const top = [...counts].sort((a, b) => b[1] - a[1]).slice(0, 8);
    console.log(
      `      database sessions, average active by wait: ${top.map(([k, n]) => `${k} ${(n / samples).toFixed(2)}`).join(", ")}`,
    );
    const busiest = [...statements].sort((a, b) => b[1] - a[1]).slice(0, 5);
    console.log(
      `      the worker's statements, average active: ${busiest.map(([k, n]) => `${(n / samples).toFixed(2)} «${k}…»`).join(", ")}`,
    );
  };
}

/**
 * When the failing webhooks' notices (warnings, disables) were made, by 5 s of the minute: a
 * burst of them (every refused webhook's first delivery runs out of attempts at about the same
 * time) can be set against the slow seconds above.
 */
async function printNotices(webhookIds: string[], since: number) {
  const rows = await query<{ kind: string; at: number; n: number }>(
    `SELECT kind, floor((extract(epoch FROM created_at) * 1000 - $2) / 5000)::int * 5 AS at, count(*)::int AS n
       FROM notices WHERE webhook_id = ANY($1) AND created_at >= $3::timestamptz AT TIME ZONE 'UTC'
      GROUP BY 1, 2 ORDER BY 1, 2`,
    [webhookIds, since, new Date(since).toISOString()],
  );
  const kinds = [...new Set(rows.map((r) => r.kind))];
  for (const kind of kinds)
    console.log(
      `    notices ${kind}: ${rows
        .filter((r) => r.kind === kind)
        .map((r) => `${r.n} at ${r.at}–${r.at + 5} s`)
        .join(", ")}`,
    );
}

/** The local Inngest server's runs since `since`, per function: how many, their wait for a call and their length. */
async function printRuns(since: number) {
  const rows = await query<{
    fn: string;
    waited: number | null;
    took: number | null;
    ms: Record<string, number> | null;
  }>(
    `SELECT regexp_replace(function_id, '^.*-(fan-out|delivery-lane|relay-outbox|prune-deliveries|system-ping)$', '\\1') AS fn,
            extract(epoch FROM started_at - created_at) * 1000 AS waited,
            extract(epoch FROM ended_at - started_at) * 1000 AS took, output->'ms' AS ms
       FROM inngest_local.runs WHERE created_at >= $1`,
    [new Date(since).toISOString()],
  );
  const byFunction = new Map<string, typeof rows>();
  for (const r of rows) byFunction.set(r.fn, [...(byFunction.get(r.fn) ?? []), r]);
  for (const [fn, runs] of byFunction) {
    const waited = runs.filter((r) => r.waited !== null).map((r) => Number(r.waited));
    const took = runs.filter((r) => r.took !== null).map((r) => Number(r.took));
    console.log(`      runs of ${fn}: ${runs.length}; queued ${fmt(waited)}; running ${fmt(took)}`);
    // The fan-out's own account of its time (its output's ms).
    for (const phase of ["match", "wait", "commit", "after"]) {
      const values = runs.flatMap((r) => (typeof r.ms?.[phase] === "number" ? [r.ms[phase]] : []));
      if (values.length > 0) console.log(`        ${phase}: ${fmt(values)}`);
    }
  }
}

/** The machine's CPU counters (/proc/stat, first line): user, nice, system, idle, iowait, irq, softirq, steal… */
const machineTicks = () => fs.readFileSync("/proc/stat", "utf8").split("\n")[0].split(/\s+/).slice(1).map(Number);

/** Every `ms` until stopped: the machine's busy share (of 2 cores) and steal, and the CPU of each process. */
async function printCpuEvery(ms: number, since: number): Promise<() => void> {
  let processes = await cpuByProcess();
  let machine = machineTicks();
  const timer = setInterval(async () => {
    const now = machineTicks();
    const d = now.map((v, i) => v - machine[i]);
    const total = d.reduce((a, b) => a + b, 0);
    const share = (ticks: number) => ((ticks / total) * 200).toFixed(0);
    const before = processes;
    [machine, processes] = [now, await cpuByProcess()];
    process.stdout.write(
      `      at ${((Date.now() - since) / 1000).toFixed(0)} s: machine busy ${share(total - d[3] - d[4])} % of 200, steal ${share(d[7] ?? 0)};`,
    );
    await printCpu(before, ms / 1000);
  }, ms);
  return () => clearInterval(timer);
}

/** One 250 ms sample: the machine's idle and steal (ms of CPU, of 500) and the worker's wait for a CPU (ms). */
type SchedSample = { at: number; idle: number; steal: number; workerWaited: number };

/**
 * Every 250 ms until stopped: how much of the two cores was idle or stolen by the hypervisor, and
 * how long the worker's main thread (its event loop) was ready to run but waited for a CPU
 * (/proc/<pid>/schedstat). Cheap enough (two small files) not to disturb what it measures.
 */
function sampleScheduling(workerPid: string | undefined): () => SchedSample[] {
  const workerWait = () => {
    try {
      return workerPid ? Number(fs.readFileSync(`/proc/${workerPid}/schedstat`, "utf8").split(" ")[1]) / 1e6 : 0;
    } catch {
      return 0;
    }
  };
  const tickMs = 1000 / 100;
  let [machine, waited] = [machineTicks(), workerWait()];
  const samples: SchedSample[] = [];
  const timer = setInterval(() => {
    const [now, w] = [machineTicks(), workerWait()];
    samples.push({
      at: Date.now(),
      idle: (now[3] + now[4] - machine[3] - machine[4]) * tickMs,
      steal: ((now[7] ?? 0) - (machine[7] ?? 0)) * tickMs,
      workerWaited: w - waited,
    });
    [machine, waited] = [now, w];
  }, 250);
  return () => {
    clearInterval(timer);
    return samples;
  };
}

/**
 * The seconds in which healthy deliveries took over 100 ms (by commit time), each with the
 * machine's idle share, steal and the worker's wait for a CPU then, against the other seconds.
 */
function printSlowSeconds(latencies: { sentAt: number; ms: number }[], since: number, samples: SchedSample[]) {
  const seconds = new Map<number, { n: number; slow: number; max: number }>();
  for (const l of latencies) {
    const s = Math.floor((l.sentAt - since) / 1000);
    const row = seconds.get(s) ?? { n: 0, slow: 0, max: 0 };
    row.n++;
    if (l.ms > 100) row.slow++;
    row.max = Math.max(row.max, l.ms);
    seconds.set(s, row);
  }
  const inSecond = (s: number) => samples.filter((x) => Math.floor((x.at - 125 - since) / 1000) === s);
  const shares = (xs: SchedSample[]) => {
    const span = xs.length * 250;
    const share = (v: number, of: number) => (span ? `${((v / of) * 100).toFixed(0)} %` : "–");
    return `machine idle ${share(
      xs.reduce((a, x) => a + x.idle, 0),
      2 * span,
    )}, steal ${share(
      xs.reduce((a, x) => a + x.steal, 0),
      2 * span,
    )}, worker waiting for a CPU ${share(
      xs.reduce((a, x) => a + x.workerWaited, 0),
      span,
    )}`;
  };
  const slow = [...seconds].filter(([, r]) => r.slow > 0).sort((a, b) => a[0] - b[0]);
  const calm = [...seconds].filter(([, r]) => r.slow === 0).flatMap(([s]) => inSecond(s));
  console.log(
    `      seconds with healthy deliveries over 100 ms: ${slow.length} of ${seconds.size}, holding ${slow.reduce((n, [, r]) => n + r.slow, 0)} of ${latencies.length} deliveries (a p99 ≤ 100 ms allows ${latencies.length - Math.floor(0.99 * latencies.length) - 1}); other seconds: ${shares(calm)}`,
  );
  for (const [s, r] of slow) {
    console.log(
      `        ${String(s).padStart(3)} s: ${r.slow} of ${r.n} over 100 ms (max ${r.max}); ${shares(inSecond(s))}`,
    );
  }
}

/**
 * (e) in 10 s steps: the healthy deliveries' latency by commit time, and the local Inngest server's
 * runs by creation time (fan-outs' wait for a call and length; lane runs, the call slots they
 * held, what they claimed and whose lanes they were).
 */
async function printTimeline(
  latencies: { sentAt: number; ms: number }[],
  since: number,
  until: number,
  kinds: Map<string, string>,
) {
  const runs = await query<{
    fn: string;
    created: number;
    waited: number | null;
    took: number | null;
    output: { claimed?: number; superseded?: boolean } | null;
    webhook: string | null;
  }>(
    `SELECT regexp_replace(function_id, '^.*-(fan-out|delivery-lane|relay-outbox|prune-deliveries|system-ping)$', '\\1') AS fn,
            extract(epoch FROM created_at) * 1000 AS created,
            extract(epoch FROM started_at - created_at) * 1000 AS waited,
            extract(epoch FROM ended_at - started_at) * 1000 AS took, output, event->'data'->>'webhookId' AS webhook
       FROM inngest_local.runs WHERE created_at >= $1 AND created_at < $2`,
    [new Date(since).toISOString(), new Date(until).toISOString()],
  );
  const step = 10_000;
  const ms = (values: (number | null)[], p: number) => pct(values.map(Number), p).toFixed(0);
  for (let from = since; from < until; from += step) {
    const inStep = (t: number) => t >= from && t < from + step;
    const healthy = latencies.filter((l) => inStep(l.sentAt)).map((l) => l.ms);
    const fanOuts = runs.filter((r) => r.fn === "fan-out" && inStep(Number(r.created)));
    const lanes = runs.filter((r) => r.fn === "delivery-lane" && r.took !== null && inStep(Number(r.created)));
    const slots = lanes.reduce((n, r) => n + Number(r.took), 0) / step;
    const claimed = lanes.reduce((n, r) => n + (r.output?.claimed ?? 0), 0);
    const whose = [...new Set(kinds.values())]
      .map((k) => `${k} ${lanes.filter((r) => kinds.get(r.webhook ?? "") === k).length}`)
      .join(", ");
    console.log(
      `      ${String((from - since) / 1000).padStart(3)} s: healthy p50 ${ms(healthy, 50)} p99 ${ms(healthy, 99)} ms; ` +
        `fan-outs queued p95 ${ms(
          fanOuts.map((r) => r.waited),
          95,
        )}, running p95 ${ms(
          fanOuts.map((r) => r.took),
          95,
        )} ms; ` +
        `lane runs ${lanes.length} (${whose}), running p50 ${ms(
          lanes.map((r) => r.took),
          50,
        )} ms, ${slots.toFixed(2)} call slots, ` +
        `${lanes.filter((r) => r.output?.superseded).length} superseded, ${claimed} attempts claimed`,
    );
  }
}

/**
 * (e): 1,000 webhooks on 100 projects, 200 of them failing: the healthy ones' latency and the
 * failing ones' retry schedule. (e0, `control`): the same load with all 1,000 healthy — what the
 * failing 200 cost the healthy ones is the difference, in the same run.
 */
async function massFailure(receivers: Receiver[], control = false) {
  const seconds = Math.max(1, Math.round(60 * scale));
  console.log(
    control
      ? `\n(e0) the same load with all 1,000 webhooks healthy, for comparison: 10 on each of 100 projects, 20 events/s over the projects for ${seconds} s`
      : `\n(e) mass failure: 1,000 webhooks, 10 on each of 100 projects; per project 1 times out, 1 is refused, 8 are healthy; 20 events/s over the projects for ${seconds} s`,
  );
  const failingReceivers = control
    ? null
    : { silent: await startReceiver({ answer: () => "never" }), refusedPort: await refusingPort() };
  const prefix = control ? "e0-" : "";
  const demoUserId = (await call("GET", "/api/v1/me")).json.id;
  const tenants = await signUpTenants(100, prefix);
  const boards = await createMassFailureProjects(demoUserId, tenants, prefix);
  const hooks = await createMassFailureWebhooks(boards, tenants, receivers, failingReceivers);
  resetArrivals(receivers);

  const cpu = await cpuByProcess();
  const stopSampling = sampleWaits();
  const stopScheduling = sampleScheduling([...cpu].find(([, p]) => p.kind === "next start (worker)")?.[0]);
  const started = Date.now();
  const stopCpuWindows = await printCpuEvery(10_000, started);
  const sent = await atRate(20, seconds, (i) => {
    const { projectId, listId } = boards[i % boards.length];
    return call("POST", `/api/v1/projects/${projectId}/todos`, { todoListId: listId, title: `mass ${i}` });
  });
  const loadEnded = Date.now();
  stopCpuWindows();
  const scheduling = stopScheduling();
  await printCpu(cpu, (loadEnded - started) / 1000);
  await stopSampling();
  const expectedHealthy = sent * (control ? 10 : 8);
  const allHealthy = await waitFor(() => arrivalCount(receivers) >= expectedHealthy, 120_000);
  const latencies = receivers.flatMap((r) => r.arrivals.map((a) => a.at - a.sentAt));
  console.log(
    `    healthy ${control ? "1,000" : "800"}: ${fmt(latencies)}${allHealthy ? "" : ` — only ${arrivalCount(receivers)} of ${expectedHealthy} arrived`} — p99 ≤ 100 ms: ${verdict(pct(latencies, 99) <= 100)}`,
  );

  const timeline = receivers.flatMap((r) => r.arrivals.map((a) => ({ sentAt: a.sentAt, ms: a.at - a.sentAt })));
  printSlowSeconds(timeline, started, scheduling);
  await printSlowEvents(
    hooks.filter((h) => h.kind === "healthy").map((h) => h.id),
    started,
  );
  await printRuns(started);
  await printTimeline(timeline, started, loadEnded, new Map(hooks.map((h) => [h.id, h.kind])));
  await printHealthyStages(
    hooks.filter((h) => h.kind === "healthy").map((h) => h.id),
    started + (loadEnded - started) / 2,
  );

  if (failingReceivers === null) {
    await pooled(hooks, 8, (h) => deleteWebhook(h.id, h.session));
    resetArrivals(receivers);
    return;
  }
  const failing = hooks.filter((h) => h.kind !== "healthy");
  const chainMs = ATTEMPTS * TIMEOUT_MS + RETRY_WAITS_S.reduce((a, b) => a + b, 0) * 1000;
  const ended = await waitForFailingDeliveries(
    failing.map((h) => h.id),
    sent * 2,
    2 * chainMs + 60_000,
  );
  // An attempt under way when its webhook was disabled is recorded up to one timeout later.
  await sleep(TIMEOUT_MS + 1_000);
  console.log(
    `    failing deliveries: ${ended ? "all ended" : "NOT ALL ENDED (the wait is bounded)"} ${((Date.now() - loadEnded) / 1000).toFixed(0)} s after the load stopped`,
  );
  await printRetryAdherence(failing);
  await printNotices(
    failing.map((h) => h.id),
    started,
  );

  await pooled(hooks, 8, (h) => deleteWebhook(h.id, h.session));
  await failingReceivers.silent.close();
  resetArrivals(receivers);
}

/** The n in "… #n": the change a record's title carries in (f). */
const changeNumber = (title: string | undefined) => Number(/#(\d+)$/.exec(title ?? "")?.[1] ?? Number.NaN);

/** First successful receipts that came after a later change of the same record, and the records they touch. */
function orderViolations(receipts: { todoId: string; change: number }[]) {
  const latest = new Map<string, number>();
  let late = 0;
  const records = new Set<string>();
  for (const { todoId, change } of receipts) {
    if (change < (latest.get(todoId) ?? -1)) {
      late++;
      records.add(todoId);
    } else latest.set(todoId, change);
  }
  return { late, records: records.size };
}

/** The (f) webhook, or null (and a note) when the API does not know orderedDelivery yet. */
async function createOrderedWebhook(board: Board, url: string): Promise<string | null> {
  try {
    return await createWebhook({
      name: "bench ordered",
      url,
      events: ["TODO_CREATED", "TODO_NAME_CHANGED"],
      projectIds: [board.projectId],
      orderedDelivery: true,
    });
  } catch (error) {
    if (!(error instanceof CallFailed && error.status === 422 && error.body.includes("orderedDelivery"))) throw error;
    console.log("    skipped: orderedDelivery not supported (POST /api/v1/webhooks answered 422 for the field)");
    return null;
  }
}

/** (f): one ordered webhook to a receiver that fails 20 % of requests; each record's events must arrive in commit order. */
async function orderedScenario(board: Board) {
  const records = Math.max(1, Math.round(100 * scale));
  const changes = 20;
  console.log(
    `\n(f) ordered delivery: 1 webhook with orderedDelivery, ${records} records × ${changes} changes (a create, then renames), receiver fails 20 % of requests with 500`,
  );
  const requests = new Map<string, number>();
  // The first 2xx of each delivery (body id), in arrival order: a retried delivery counts where it got through.
  const succeeded = new Set<string>();
  const receipts: { todoId: string; change: number; at: number }[] = [];
  const receiver = await startReceiver({
    answer: (body) => {
      const n = (requests.get(body.id) ?? 0) + 1;
      requests.set(body.id, n);
      // Never a delivery's last attempt: one delivery that used up its attempts would disable the
      // webhook (Blue's rule) and skip everything after it.
      return { status: n < ATTEMPTS && Math.random() < 0.2 ? 500 : 200 };
    },
    onRequest: (body, status, at) => {
      if (status !== 200 || succeeded.has(body.id)) return;
      succeeded.add(body.id);
      receipts.push({ todoId: body.currentValue?.id ?? "", change: changeNumber(body.currentValue?.title), at });
    },
  });
  const webhookId = await createOrderedWebhook(board, receiver.url);
  if (!webhookId) return receiver.close();

  const deadline = Date.now() + 120_000;
  let committed = 0;
  await Promise.all(
    Array.from({ length: records }, async (_, r) => {
      const todo = (
        await call("POST", `/api/v1/projects/${board.projectId}/todos`, { todoListId: board.listId, title: `f${r} #0` })
      ).json;
      committed++;
      for (let k = 1; k < changes && Date.now() < deadline; k++) {
        await call("PATCH", `/api/v1/todos/${todo.id}`, { title: `f${r} #${k}` });
        committed++;
      }
    }),
  );
  const all = await waitFor(() => receipts.length >= committed, 180_000);
  const violations = orderViolations(receipts);
  const firstCommit = Math.min(...receiver.arrivals.map((a) => a.sentAt));
  const lastSuccess = Math.max(...receipts.map((r) => r.at));
  const perSecond = receipts.length ? receipts.length / ((lastSuccess - firstCommit) / 1000) : 0;
  console.log(
    `    ${receipts.length} of ${committed} changes delivered${all ? "" : " — NOT ALL ARRIVED"} (${receiver.arrivals.length} requests; the others were answered 500 or repeated)`,
  );
  console.log(
    `    order violations: ${violations.late} receipts after a later change of their record, in ${violations.records} records (target 0); ${perSecond.toFixed(1)} deliveries/s from the first commit to the last success`,
  );
  await deleteWebhook(webhookId);
  await receiver.close();
}

async function main() {
  checkArguments();
  const receivers = await Promise.all(Array.from({ length: 100 }, () => startReceiver()));
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
    cookie = await signIn("demo@example.com", "demo-password");
    const projectId = await projectNamed("Website Relaunch");
    const board = { projectId, listId: (await call("GET", `/api/v1/projects/${projectId}/board`)).json.lists[0].id };
    if (runs("a")) await latencyScenario(receivers, board);
    if (runs("b") || runs("c") || runs("c0")) await overloadScenarios(receivers, board);
    if (runs("d")) await noisyNeighbour(receivers, await afterFanOuts(board));
    if (runs("e")) await massFailure(receivers);
    if (runs("e0")) await massFailure(receivers, true);
    if (runs("f")) await orderedScenario(await afterFanOuts(board));
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
