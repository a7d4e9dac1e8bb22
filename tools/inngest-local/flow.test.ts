// Contract tests: concurrency keys, back-pressure, cron, trigger expressions, app sync and
// signed (cloud-mode) calls, with the real SDK against inngest-local.
import { Inngest } from "inngest";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type InngestLocal, startInngestLocal } from "./index";
import {
  dropSchema,
  finishedRuns,
  getRun,
  listRuns,
  portForRestarts,
  silentLogger,
  startApp,
  type TestApp,
  testDatabaseUrl,
  uniqueSchema,
  waitFor,
} from "./test-support";

const schemas: string[] = [];
const servers: InngestLocal[] = [];
const apps: TestApp[] = [];

async function startServer(label: string, options: Partial<Parameters<typeof startInngestLocal>[0]> = {}) {
  const schema = options.schema ?? uniqueSchema(label);
  if (!schemas.includes(schema)) schemas.push(schema);
  const server = await startInngestLocal({
    databaseUrl: testDatabaseUrl(),
    port: 0,
    schema,
    backoffScale: 0.001,
    ...options,
  });
  servers.push(server);
  return server;
}

async function track(app: Promise<TestApp>): Promise<TestApp> {
  const started = await app;
  apps.push(started);
  return started;
}

afterAll(async () => {
  for (const app of apps) await app.close();
  for (const server of servers) await server.stop();
  for (const schema of schemas) await dropSchema(schema);
});

/** Runs read straight from the database, for when no server is running. */
async function listRunsOf(schema: string): Promise<{ id: string; status: string }[]> {
  const client = new pg.Client({ connectionString: testDatabaseUrl() });
  await client.connect();
  try {
    return (await client.query(`SELECT id, status FROM "${schema}".runs ORDER BY created_at DESC`)).rows;
  } finally {
    await client.end();
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Interval = { key: string; start: number; end: number };

/** The most intervals that were open at the same moment. */
function maxOverlap(intervals: Interval[]): number {
  const edges = intervals.flatMap((i) => [
    { at: i.start, delta: 1 },
    { at: i.end, delta: -1 },
  ]);
  edges.sort((a, b) => a.at - b.at || a.delta - b.delta);
  let open = 0;
  let max = 0;
  for (const edge of edges) {
    open += edge.delta;
    max = Math.max(max, open);
  }
  return max;
}

describe("flow control", () => {
  let server: InngestLocal;
  let inngest: Inngest.Any;
  const perKey: Interval[] = [];
  const perFunction: Interval[] = [];
  const twoLimits: Interval[] = [];
  const sleeperSteps: { run: string; step: string; at: number }[] = [];
  const delayedStarts: { n: number; at: number }[] = [];

  beforeAll(async () => {
    server = await startServer("flow");
    inngest = new Inngest({ id: "flow", isDev: true, baseUrl: server.url, logger: silentLogger });
    const timed = (into: Interval[], key: string) => async () => {
      const start = Date.now();
      await pause(120); // the receiver's latency, so overlapping calls are observable
      into.push({ key, start, end: Date.now() });
    };
    const app = await track(
      startApp(inngest, [
        inngest.createFunction(
          {
            id: "per-key",
            concurrency: { limit: 1, key: "event.data.webhookId" },
            triggers: [{ event: "flow/deliver" }],
          },
          async ({ event, step }) => step.run("deliver", timed(perKey, event.data.webhookId)),
        ),
        inngest.createFunction(
          {
            id: "sleeper",
            concurrency: { limit: 1, key: "event.data.webhookId" },
            triggers: [{ event: "flow/lane" }],
          },
          async ({ event, step }) => {
            const mark = (name: string) => () => {
              sleeperSteps.push({ run: event.data.run, step: name, at: Date.now() });
            };
            await step.run("first", mark("first"));
            if (event.data.sleepMs) {
              await step.sleep("pause", event.data.sleepMs);
              await step.run("second", mark("second"));
            }
          },
        ),
        inngest.createFunction({ id: "delayed", triggers: [{ event: "flow/later" }] }, async ({ event }) => {
          delayedStarts.push({ n: event.data.n, at: Date.now() });
        }),
        inngest.createFunction(
          { id: "capped", concurrency: 2, triggers: [{ event: "flow/capped" }] },
          async ({ step }) => step.run("work", timed(perFunction, "all")),
        ),
        inngest.createFunction(
          {
            id: "two-limits",
            concurrency: [{ limit: 1, key: "event.data.webhookId" }, { limit: 2 }],
            triggers: [{ event: "flow/two-limits" }],
          },
          async ({ event }) => timed(twoLimits, event.data.webhookId)(),
        ),
        inngest.createFunction(
          { id: "big-spender", triggers: [{ event: "flow/order", if: "event.data.amount > 100" }] },
          async ({ event }) => event.data.amount,
        ),
        inngest.createFunction(
          { id: "ticker", triggers: [{ cron: "TZ=Europe/Paris * * * * * *" }] },
          async ({ event }) => ({
            name: event.name,
            cron: (event.data as { cron?: string }).cron,
          }),
        ),
      ]),
    );
    const res = await fetch(`${server.url}/sync?url=${encodeURIComponent(app.url)}`, { method: "POST" });
    expect(await res.json()).toEqual({ data: { kind: "in_band", appId: "flow", functions: 7, modified: true } });
  });

  it("concurrency 1 per key serialises each key while different keys run in parallel", async () => {
    const keys = ["wh_a", "wh_b", "wh_c"];
    await inngest.send(
      keys.flatMap((webhookId) => [1, 2, 3].map((n) => ({ name: "flow/deliver", data: { webhookId, n } }))),
    );
    const runs = await finishedRuns(server.url, "flow-per-key", 9);
    expect(runs.every((r) => r.status === "Completed")).toBe(true);
    for (const key of keys) {
      const ofKey = perKey.filter((i) => i.key === key);
      expect(ofKey).toHaveLength(3);
      expect(maxOverlap(ofKey)).toBe(1);
    }
    expect(maxOverlap(perKey)).toBeGreaterThanOrEqual(2);
  });

  it("a sleeping run holds no slot of its concurrency key (the app's lanes rely on it)", async () => {
    await inngest.send({ name: "flow/lane", data: { webhookId: "wh_sleep", run: "sleeping", sleepMs: 1_500 } });
    await waitFor("the first step", () => sleeperSteps.some((s) => s.run === "sleeping"));
    await inngest.send({ name: "flow/lane", data: { webhookId: "wh_sleep", run: "next" } });
    await finishedRuns(server.url, "flow-sleeper", 2);
    const at = (run: string, step: string) => sleeperSteps.find((s) => s.run === run && s.step === step)!.at;
    expect(at("next", "first")).toBeLessThan(at("sleeping", "second"));
  });

  it("an event dated in the future (ts) starts its run then, on time (the app's lane wake-ups rely on it)", async () => {
    const sent = Date.now();
    await inngest.send([
      { name: "flow/later", data: { n: 1 }, ts: sent + 800 },
      { name: "flow/later", data: { n: 0 } },
    ]);
    await finishedRuns(server.url, "flow-delayed", 2);
    const at = (n: number) => delayedStarts.find((s) => s.n === n)!.at;
    expect(at(0) - sent).toBeLessThan(800);
    expect(at(1) - sent).toBeGreaterThanOrEqual(800);
    expect(at(1) - sent).toBeLessThan(800 + 400);
  });

  it("a plain number limits the whole function", async () => {
    await inngest.send([1, 2, 3, 4, 5, 6].map((n) => ({ name: "flow/capped", data: { n } })));
    await finishedRuns(server.url, "flow-capped", 6);
    expect(perFunction).toHaveLength(6);
    expect(maxOverlap(perFunction)).toBe(2);
  });

  it("a key's limit and the function's limit hold together (the app's lane runs rely on it)", async () => {
    const keys = ["wh_1", "wh_2", "wh_3", "wh_4"];
    await inngest.send(
      keys.flatMap((webhookId) => [1, 2].map((n) => ({ name: "flow/two-limits", data: { webhookId, n } }))),
    );
    await finishedRuns(server.url, "flow-two-limits", 8);
    expect(twoLimits).toHaveLength(8);
    expect(maxOverlap(twoLimits)).toBe(2);
    for (const key of keys) expect(maxOverlap(twoLimits.filter((i) => i.key === key))).toBe(1);
  });

  it("starts runs only for events matching the trigger expression (errors count as no match)", async () => {
    await inngest.send([
      { name: "flow/order", data: { amount: 50 } },
      { name: "flow/order", data: { amount: 150 } },
      { name: "flow/order", data: { note: "no amount: the expression errors" } },
    ]);
    const runs = await finishedRuns(server.url, "flow-big-spender");
    expect(runs).toHaveLength(1);
    expect(runs[0].output).toBe(150);
    expect(await listRuns(server.url, { function_id: "flow-big-spender" })).toHaveLength(1);
  });

  it("fires cron triggers with inngest/scheduled.timer events", async () => {
    const runs = await finishedRuns(server.url, "flow-ticker", 2, 5_000);
    expect(runs[0]).toMatchObject({ status: "Completed", eventName: "inngest/scheduled.timer" });
    expect(runs[0].output).toEqual({ name: "inngest/scheduled.timer", cron: "TZ=Europe/Paris * * * * * *" });
    // Each run is for its own slot of the schedule (the event's ts), one second apart: a tick
    // that fired late (a busy machine) is still the earlier slot's.
    const slots = (await Promise.all(runs.map((r) => getRun(server.url, r.id)))).map((r) => r.event.ts!).sort();
    expect(slots[1] - slots[0]).toBeGreaterThanOrEqual(1000);
    expect(slots[1] % 1000).toBe(0);
  });
});

describe("back-pressure", () => {
  it("never has more than maxInFlight calls at the app, and finishes every run", async () => {
    const server = await startServer("overload", { maxInFlight: 2 });
    const inngest = new Inngest({ id: "burst", isDev: true, baseUrl: server.url, logger: silentLogger });
    const app = await track(
      startApp(inngest, [
        inngest.createFunction({ id: "work", triggers: [{ event: "burst/go" }] }, async ({ event, step }) =>
          step.run("work", async () => {
            await pause(5);
            return event.data.n;
          }),
        ),
      ]),
    );
    await server.sync(app.url);
    app.stats.max = 0;
    app.stats.total = 0;
    const started = Date.now();
    await inngest.send(Array.from({ length: 50 }, (_, n) => ({ name: "burst/go", data: { n } })));
    const runs = await finishedRuns(server.url, "burst-work", 50, 30_000);
    const elapsed = Date.now() - started;
    expect(runs.filter((r) => r.status === "Completed")).toHaveLength(50);
    expect(runs.map((r) => r.output as number).sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, n) => n));
    expect(app.stats.max).toBe(2);
    expect(app.stats.total).toBe(100); // discovery (step runs inline) + final call, per run
    console.info(
      `overload: 50 runs, ${app.stats.total} calls in ${elapsed} ms (${Math.round((app.stats.total * 1000) / elapsed)} calls/s) with maxInFlight=2`,
    );
  });
});

async function functionIds(serverUrl: string): Promise<string[]> {
  const res = await fetch(`${serverUrl}/v1/apps`);
  const { data } = (await res.json()) as { data: { functions: { id: string }[] }[] };
  return data.flatMap((a) => a.functions.map((f) => f.id)).sort();
}

describe("fairness", () => {
  it("functions take turns, and so do the keys of one function: a backlog holds back no one else", async () => {
    const server = await startServer("fair", { maxInFlight: 1 });
    const inngest = new Inngest({ id: "fair", isDev: true, baseUrl: server.url, logger: silentLogger });
    const order: string[] = [];
    const app = await track(
      startApp(inngest, [
        inngest.createFunction(
          { id: "lane", concurrency: { limit: 1, key: "event.data.key" }, triggers: [{ event: "fair/lane" }] },
          async ({ event }) => {
            await pause(20);
            order.push(`lane:${event.data.key}`);
          },
        ),
        inngest.createFunction({ id: "fan-out", triggers: [{ event: "fair/fan-out" }] }, async () => {
          order.push("fan-out");
        }),
      ]),
    );
    await server.sync(app.url);
    // A backlog of one key's runs, then one run of another key and one of another function.
    await inngest.send(Array.from({ length: 20 }, () => ({ name: "fair/lane", data: { key: "flooding" } })));
    await waitFor("the backlog to start", () => order.length > 0);
    await inngest.send([
      { name: "fair/lane", data: { key: "quiet" } },
      { name: "fair/fan-out", data: {} },
    ]);
    await finishedRuns(server.url, "fair-lane", 21, 30_000);
    await finishedRuns(server.url, "fair-fan-out", 1);
    // Both ran within a few turns, long before the 20-run backlog drained.
    expect(order.indexOf("fan-out")).toBeLessThan(6);
    expect(order.indexOf("lane:quiet")).toBeLessThan(6);
  });
});

describe("app sync", () => {
  it("registers out of band when someone PUTs the app (the SDK POSTs /fn/register)", async () => {
    const server = await startServer("oob");
    const inngest = new Inngest({ id: "oob", isDev: true, baseUrl: server.url, logger: silentLogger });
    const app = await track(
      startApp(inngest, [
        inngest.createFunction({ id: "hello", triggers: [{ event: "oob/hello" }] }, async () => "hi"),
      ]),
    );
    const res = await fetch(app.url, { method: "PUT" });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ modified: true });
    expect(await functionIds(server.url)).toEqual(["oob-hello"]);
    await inngest.send({ name: "oob/hello", data: {} });
    expect((await finishedRuns(server.url, "oob-hello"))[0].output).toBe("hi");
  });

  it("reports an unreachable app clearly", async () => {
    const server = await startServer("unreachable");
    const port = await portForRestarts();
    const res = await fetch(`${server.url}/sync?url=${encodeURIComponent(`http://127.0.0.1:${port}/api/inngest`)}`, {
      method: "POST",
    });
    expect(res.status).toBe(502);
    expect(((await res.json()) as { error: string }).error).toMatch(/is not reachable/);
  });

  it("syncs configured app URLs once the app comes up, and again after it changes", async () => {
    const port = await portForRestarts();
    const appUrl = `http://127.0.0.1:${port}/api/inngest`;
    const server = await startServer("watch", { appUrls: [appUrl], syncIntervalMs: 100 });
    const inngest = new Inngest({ id: "late", isDev: true, baseUrl: server.url, logger: silentLogger });
    const one = inngest.createFunction({ id: "one", triggers: [{ event: "late/one" }] }, async () => 1);
    const two = inngest.createFunction({ id: "two", triggers: [{ event: "late/two" }] }, async () => 2);
    expect(await functionIds(server.url)).toEqual([]);
    const first = await startApp(inngest, [one], port);
    await waitFor("the first sync", async () => (await functionIds(server.url)).length === 1);
    await first.close();
    await track(startApp(inngest, [one, two], port));
    await waitFor("the re-sync with the new function", async () => (await functionIds(server.url)).length === 2);
    expect(await functionIds(server.url)).toEqual(["late-one", "late-two"]);
    await inngest.send({ name: "late/two", data: {} });
    expect((await finishedRuns(server.url, "late-two"))[0].output).toBe(2);
  });
});

describe("shutdown", () => {
  it("stop() lets calls in flight finish, and a new server on the same schema carries on", async () => {
    const server = await startServer("drain");
    const schema = schemas[schemas.length - 1];
    let bodies = 0;
    const inngest = new Inngest({ id: "drain", isDev: true, baseUrl: server.url, logger: silentLogger });
    const app = await track(
      startApp(inngest, [
        inngest.createFunction({ id: "slow", triggers: [{ event: "drain/go" }] }, async ({ step }) => {
          await step.run("slow", async () => {
            bodies += 1;
            await pause(300);
          });
          return step.run("next", () => "finished");
        }),
      ]),
    );
    await server.sync(app.url);
    await inngest.send({ name: "drain/go", data: {} });
    await waitFor("the call to be in flight", () => bodies === 1);
    const stopping = server.stop();
    expect(server.stop()).toBe(stopping);
    await stopping;
    await expect(fetch(`${server.url}/health`)).rejects.toThrow();
    const [run] = await listRunsOf(schema);
    expect(run.status).toBe("Running");

    const next = await startServer("drain-next", { schema });
    const [finished] = await finishedRuns(next.url, "drain-slow");
    expect(finished).toMatchObject({ id: run.id, status: "Completed", output: "finished" });
    expect(bodies).toBe(1);
  });

  it("stop() aborts calls still running after the drain timeout and hands their leases back at once", async () => {
    const server = await startServer("abort", { drainTimeoutMs: 50 });
    const schema = schemas[schemas.length - 1];
    let bodies = 0;
    const inngest = new Inngest({ id: "abort", isDev: true, baseUrl: server.url, logger: silentLogger });
    const app = await track(
      startApp(inngest, [
        inngest.createFunction({ id: "stuck", triggers: [{ event: "abort/go" }] }, async ({ step }) =>
          step.run("stuck", async () => {
            bodies += 1;
            await pause(bodies === 1 ? 1_000 : 0);
            return bodies;
          }),
        ),
      ]),
    );
    await server.sync(app.url);
    await inngest.send({ name: "abort/go", data: {} });
    await waitFor("the call to be in flight", () => bodies === 1);
    await server.stop();
    // The lease is 30 s by default: finishing within the wait below proves it was released.
    const next = await startServer("abort-next", { schema });
    const [run] = await finishedRuns(next.url, "abort-stuck", 1, 5_000);
    expect(run).toMatchObject({ status: "Completed", output: 2 });
    expect(bodies).toBe(2); // at-least-once: the aborted call's step body ran again
  });
});

describe("signing", () => {
  const signingKey = `signkey-test-${"a1b2c3d4".repeat(8)}`;

  it("signs calls so an app in cloud (production) mode accepts them", async () => {
    const server = await startServer("signed", { signingKey });
    const inngest = new Inngest({
      id: "signed",
      isDev: false,
      signingKey,
      eventKey: "local-event-key",
      baseUrl: server.url,
      logger: silentLogger,
    });
    const app = await track(
      startApp(inngest, [
        inngest.createFunction({ id: "secure", triggers: [{ event: "signed/go" }] }, async ({ step }) =>
          step.run("inside", () => "verified"),
        ),
      ]),
    );
    await expect(server.sync(app.url)).resolves.toMatchObject({ kind: "in_band", appId: "signed" });
    // Out-of-band too: the SDK's bearer token must match the server's key.
    expect((await fetch(app.url, { method: "PUT" })).status).toBe(200);
    await inngest.send({ name: "signed/go", data: {} });
    const [run] = await finishedRuns(server.url, "signed-secure");
    expect(run).toMatchObject({ status: "Completed", output: "verified" });
  });

  it("is rejected by an app holding a different key", async () => {
    const server = await startServer("mismatch", { signingKey });
    const inngest = new Inngest({
      id: "other",
      isDev: false,
      signingKey: `signkey-test-${"ffee".repeat(16)}`,
      eventKey: "local-event-key",
      baseUrl: server.url,
      logger: silentLogger,
    });
    const app = await track(
      startApp(inngest, [
        inngest.createFunction({ id: "secure", triggers: [{ event: "other/go" }] }, async () => "no"),
      ]),
    );
    await expect(server.sync(app.url)).rejects.toThrow(/HTTP 401/);
    // Out of band the SDK's bearer token does not match: /fn/register refuses, the SDK relays it.
    const res = await fetch(app.url, { method: "PUT" });
    expect(res.status).toBe(401);
    expect(await functionIds(server.url)).toEqual([]);
  });
});
