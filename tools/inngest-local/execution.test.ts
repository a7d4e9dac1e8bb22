// Contract tests: the real SDK (serve() from inngest/node) against inngest-local, covering
// steps, memoisation, retries, failure handling, parallelism, fan-out, dedupe and bad input.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { Inngest, NonRetriableError, RetryAfterError } from "inngest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type InngestLocal, startInngestLocal } from "./index";
import {
  dropSchema,
  finishedRuns,
  getRun,
  listRuns,
  postEvents,
  silentLogger,
  startApp,
  type TestApp,
  testDatabaseUrl,
  uniqueSchema,
  waitFor,
} from "./test-support";

const schema = uniqueSchema("exec");
let server: InngestLocal;
let app: TestApp;
let inngest: Inngest.Any;

/** What user code did, recorded from inside the app. */
const calls: Record<string, number> = {};
const attemptsSeen: Record<string, number[]> = {};
const timestamps: Record<string, number[]> = {};
const failures: { fn: string; message: string; originalEvent: string }[] = [];

function record(key: string, attempt?: number): number {
  calls[key] = (calls[key] ?? 0) + 1;
  if (attempt !== undefined) attemptsSeen[key] = [...(attemptsSeen[key] ?? []), attempt];
  timestamps[key] = [...(timestamps[key] ?? []), Date.now()];
  return calls[key];
}

function defineFunctions(client: Inngest.Any) {
  const flaky = client.createFunction(
    { id: "flaky", retries: 3, triggers: [{ event: "test/flaky" }] },
    async ({ step, attempt }) => {
      await step.run("setup", () => record("flaky.setup"));
      const first = await step.run("first", () => {
        if (record("flaky.first", attempt) === 1) throw new Error("first fails once");
        return "one";
      });
      const second = await step.run("second", () => {
        if (record("flaky.second", attempt) <= 2) throw new Error("second fails twice");
        return "two";
      });
      return { first, second };
    },
  );
  const onFailure = async ({
    error,
    event,
  }: {
    error: Error;
    event: { data: { function_id: string; event: { name: string } } };
  }) => {
    failures.push({ fn: event.data.function_id, message: error.message, originalEvent: event.data.event.name });
  };
  const doomed = client.createFunction(
    { id: "doomed", retries: 2, triggers: [{ event: "test/doomed" }], onFailure },
    async ({ step }) => {
      await step.run("explode", () => {
        record("doomed.explode");
        throw new Error("receiver is down");
      });
    },
  );
  const permanent = client.createFunction(
    { id: "permanent", retries: 5, triggers: [{ event: "test/permanent" }], onFailure },
    async ({ step }) => {
      await step.run("reject", () => {
        record("permanent.reject");
        throw new NonRetriableError("410 Gone");
      });
    },
  );
  const rateLimited = client.createFunction(
    { id: "rate-limited", retries: 3, triggers: [{ event: "test/rate-limited" }] },
    async ({ step }) =>
      step.run("post", () => {
        if (record("rate-limited.post") === 1) throw new RetryAfterError("429 from receiver", "2s");
        return "delivered";
      }),
  );
  const parallel = client.createFunction(
    { id: "parallel", triggers: [{ event: "test/parallel" }] },
    async ({ step }) => {
      const [a, b, c] = await Promise.all([
        step.run("a", () => record("parallel.a")),
        step.run("b", () => record("parallel.b")),
        step.run("c", () => record("parallel.c")),
      ]);
      record("parallel.after-all");
      return [a, b, c];
    },
  );
  const fanOut = client.createFunction(
    { id: "fan-out", triggers: [{ event: "test/fan-out" }] },
    async ({ step, event }) =>
      step.sendEvent(
        "notify",
        (event.data.targets as string[]).map((target) => ({ name: "test/child", data: { target } })),
      ),
  );
  const child = client.createFunction({ id: "child", triggers: [{ event: "test/child" }] }, async ({ event, step }) =>
    step.run("deliver", () => `delivered to ${event.data.target}`),
  );
  const once = client.createFunction(
    { id: "once", triggers: [{ event: "test/once" }] },
    async ({ event }) => event.data.n,
  );
  const sleeper = client.createFunction({ id: "sleeper", triggers: [{ event: "test/sleeper" }] }, async ({ step }) => {
    const started = await step.run("start", () => Date.now());
    await step.sleepUntil("until", new Date(started + 1_000));
    return step.run("end", () => Date.now() - started);
  });
  const vanishing = client.createFunction(
    { id: "vanishing", triggers: [{ event: "test/vanishing" }] },
    async () => "here",
  );
  const longNap = client.createFunction(
    { id: "long-nap", triggers: [{ event: "test/long-nap" }] },
    async ({ step }) => {
      await step.sleep("nap", "1h");
    },
  );
  return {
    all: [flaky, doomed, permanent, rateLimited, parallel, fanOut, child, once, sleeper, vanishing, longNap],
    vanishing,
  };
}

let fns: ReturnType<typeof defineFunctions>;

beforeAll(async () => {
  server = await startInngestLocal({ databaseUrl: testDatabaseUrl(), port: 0, schema, backoffScale: 0.001 });
  inngest = new Inngest({ id: "exec", isDev: true, baseUrl: server.url, logger: silentLogger });
  fns = defineFunctions(inngest);
  app = await startApp(inngest, fns.all);
  const result = await server.sync(app.url);
  expect(result).toMatchObject({ kind: "in_band", appId: "exec", modified: true });
});

afterAll(async () => {
  await app?.close();
  await server?.stop();
  await dropSchema(schema);
});

describe("steps and retries", () => {
  it("memoises earlier steps: a step failing twice then succeeding never re-runs the steps before it", async () => {
    await inngest.send({ name: "test/flaky", data: {} });
    const [run] = await finishedRuns(server.url, "exec-flaky");
    expect(run.status).toBe("Completed");
    expect(run.output).toEqual({ first: "one", second: "two" });
    expect(calls["flaky.setup"]).toBe(1);
    expect(calls["flaky.first"]).toBe(2);
    expect(calls["flaky.second"]).toBe(3);
    // The attempt counter is per step and starts again at 0 after each successful step.
    expect(attemptsSeen["flaky.first"]).toEqual([0, 1]);
    expect(attemptsSeen["flaky.second"]).toEqual([0, 1, 2]);
    const detail = await getRun(server.url, run.id);
    expect(detail.steps.map((s) => [s.name, s.status, s.attempts])).toEqual([
      ["setup", "Completed", 1],
      ["first", "Completed", 2],
      ["second", "Completed", 3],
    ]);
  });

  it("retries: 2 means exactly 3 attempts, then the onFailure handler gets the error", async () => {
    await inngest.send({ name: "test/doomed", data: {} });
    const [run] = await finishedRuns(server.url, "exec-doomed");
    expect(run.status).toBe("Failed");
    expect(run.error?.message).toContain("receiver is down");
    expect(calls["doomed.explode"]).toBe(3);
    const [handler] = await finishedRuns(server.url, "exec-doomed-failure");
    expect(handler.status).toBe("Completed");
    expect(handler.eventName).toBe("inngest/function.failed");
    expect(failures.filter((f) => f.fn === "exec-doomed")).toEqual([
      { fn: "exec-doomed", message: "receiver is down", originalEvent: "test/doomed" },
    ]);
  });

  it("NonRetriableError skips the remaining retries and goes straight to onFailure", async () => {
    await inngest.send({ name: "test/permanent", data: {} });
    const [run] = await finishedRuns(server.url, "exec-permanent");
    expect(run.status).toBe("Failed");
    expect(calls["permanent.reject"]).toBe(1);
    await finishedRuns(server.url, "exec-permanent-failure");
    expect(failures.filter((f) => f.fn === "exec-permanent")).toEqual([
      { fn: "exec-permanent", message: "410 Gone", originalEvent: "test/permanent" },
    ]);
  });

  it("RetryAfterError delays the retry by the given time, not by the (scaled) backoff", async () => {
    await inngest.send({ name: "test/rate-limited", data: {} });
    const [run] = await finishedRuns(server.url, "exec-rate-limited");
    expect(run.status).toBe("Completed");
    expect(run.output).toBe("delivered");
    const [first, second] = timestamps["rate-limited.post"];
    expect(second - first).toBeGreaterThanOrEqual(1_950);
    expect(second - first).toBeLessThan(5_000);
  });
});

describe("parallelism, sleeps and fan-out", () => {
  it("runs each parallel step once and completes the function body once", async () => {
    await inngest.send({ name: "test/parallel", data: {} });
    const [run] = await finishedRuns(server.url, "exec-parallel");
    expect(run.status).toBe("Completed");
    expect(run.output).toEqual([1, 1, 1]);
    expect([calls["parallel.a"], calls["parallel.b"], calls["parallel.c"], calls["parallel.after-all"]]).toEqual([
      1, 1, 1, 1,
    ]);
    const detail = await getRun(server.url, run.id);
    expect(detail.steps.filter((s) => s.status === "Completed")).toHaveLength(3);
  });

  it("sleeps durably until the given time", async () => {
    await inngest.send({ name: "test/sleeper", data: {} });
    const [run] = await finishedRuns(server.url, "exec-sleeper");
    expect(run.status).toBe("Completed");
    expect(run.output).toBeGreaterThanOrEqual(1_000);
    const detail = await getRun(server.url, run.id);
    expect(detail.steps.find((s) => s.name === "until")).toMatchObject({ op: "Sleep", status: "Completed" });
  });

  it("step.sendEvent fan-out starts one child run per event", async () => {
    const targets = ["https://a.example", "https://b.example", "https://c.example"];
    await inngest.send({ name: "test/fan-out", data: { targets } });
    const [parent] = await finishedRuns(server.url, "exec-fan-out");
    expect(parent.status).toBe("Completed");
    expect((parent.output as { ids: string[] }).ids).toHaveLength(3);
    const children = await finishedRuns(server.url, "exec-child", 3);
    expect(children.map((c) => c.status)).toEqual(["Completed", "Completed", "Completed"]);
    expect(children.map((c) => c.output).sort()).toEqual(targets.map((t) => `delivered to ${t}`));
  });
});

describe("event ingest", () => {
  it("deduplicates by event id: one run, and the same id is returned", async () => {
    const first = await inngest.send({ name: "test/once", id: "delivery-42", data: { n: 1 } });
    const second = await inngest.send({ name: "test/once", id: "delivery-42", data: { n: 2 } });
    expect(second.ids).toEqual(first.ids);
    const raw = await postEvents(server.url, { name: "test/once", id: "delivery-42", data: { n: 3 } });
    expect(raw).toEqual({ status: 200, json: { ids: first.ids, status: 200 } });
    // Runs are created in the same transaction as the event, so the list is already final.
    const runs = await listRuns(server.url, { function_id: "exec-once" });
    expect(runs).toHaveLength(1);
    const [run] = await finishedRuns(server.url, "exec-once");
    expect(run.output).toBe(1);
  });

  it("treats an SDK retry of the same send (same event-id seed) as a duplicate", async () => {
    const send = () =>
      fetch(`${server.url}/e/key`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-inngest-event-id-seed": "1700000000000,c2VlZHNlZWRzZQ==" },
        body: JSON.stringify([{ name: "test/once", data: { n: 7 } }]),
      }).then((r) => r.json());
    const before = (await listRuns(server.url, { function_id: "exec-once" })).length;
    const a = await send();
    const b = await send();
    expect(b).toEqual(a);
    expect(await listRuns(server.url, { function_id: "exec-once" })).toHaveLength(before + 1);
  });

  it("answers malformed events with a 400 and a clear message, and keeps working", async () => {
    const notJson = await postEvents(server.url, "{not json", true);
    expect(notJson).toEqual({ status: 400, json: { status: 400, error: "request body is not valid JSON" } });
    const noName = await postEvents(server.url, { data: {} });
    expect(noName.status).toBe(400);
    expect((noName.json as { error: string }).error).toMatch(/event\.name/);
    const wrongTypes = await postEvents(server.url, [
      { name: "test/once", data: {} },
      { name: "x", data: "text", ts: "soon" },
    ]);
    expect(wrongTypes.status).toBe(400);
    expect((wrongTypes.json as { error: string }).error).toMatch(/events\[1\]\.data.*events\[1\]\.ts/);
    const before = (await listRuns(server.url, { function_id: "exec-once" })).length;
    // Nothing of a rejected batch is ingested, not even its valid events.
    expect(await listRuns(server.url, { function_id: "exec-once" })).toHaveLength(before);
    const ok = await postEvents(server.url, { name: "test/once", data: { n: 9 } });
    expect(ok.status).toBe(200);
    await waitFor("the valid event's run", async () =>
      (await listRuns(server.url, { function_id: "exec-once" })).find(
        (r) => r.output === 9 && r.status === "Completed",
      ),
    );
  });
});

describe("broken apps", () => {
  it("fails a run whose function the app no longer serves, with the SDK's message and no retries", async () => {
    app.setFunctions(fns.all.filter((fn) => fn !== fns.vanishing));
    try {
      await inngest.send({ name: "test/vanishing", data: {} });
      const [run] = await finishedRuns(server.url, "exec-vanishing");
      expect(run.status).toBe("Failed");
      expect(run.error?.message).toMatch(/"exec-vanishing" was not found in this app/);
      expect((await getRun(server.url, run.id)).history).toHaveLength(1);
    } finally {
      app.setFunctions(fns.all);
    }
  });

  it("fails runs on unknown ops or invalid responses with a clear error and stays up", async () => {
    const scripted = await startScriptedApp({
      "fake-bogus": (_call, res) => json(res, 206, [{ op: "Bogus", id: "abc" }]),
      "fake-not-a-list": (_call, res) => json(res, 206, { hello: 1 }),
      "fake-not-json": (_call, res) => res.writeHead(200).end("<html>hello</html>"),
      "fake-wait": (_call, res) =>
        json(res, 206, [{ op: "WaitForEvent", id: "w", name: "x/y", opts: { timeout: "1h" } }]),
      "fake-hang-up": (_call, res) => res.socket?.destroy(),
    });
    try {
      for (const id of scripted.functionIds) await postEvents(server.url, { name: `fake/${id}` });
      const errorOf = async (id: string) => (await finishedRuns(server.url, id))[0].error?.message;
      expect(await errorOf("fake-bogus")).toMatch(/unknown op "Bogus"/);
      expect(await errorOf("fake-not-a-list")).toMatch(/invalid op list/);
      expect(await errorOf("fake-not-json")).toMatch(/not JSON/);
      expect(await errorOf("fake-wait")).toMatch(/step\.waitForEvent \(op WaitForEvent\) is not supported/);
      expect(await errorOf("fake-hang-up")).toMatch(/call to http:\/\/127\.0\.0\.1:\d+\/api\/inngest.* failed/);
    } finally {
      await scripted.close();
    }
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
    await inngest.send({ name: "test/once", data: { n: 11 } });
    await waitFor("a normal run after the broken ones", async () =>
      (await listRuns(server.url, { function_id: "exec-once" })).find(
        (r) => r.output === 11 && r.status === "Completed",
      ),
    );
  });

  it("fails a waiting run whose function was removed by a re-sync", async () => {
    const scripted = await startScriptedApp({
      "fake-removed": (_call, res) => json(res, 206, [{ op: "Sleep", id: "nap", name: "1s" }]),
    });
    try {
      await postEvents(server.url, { name: "fake/fake-removed" });
      const run = await waitFor(
        "the sleep",
        async () => (await listRuns(server.url, { function_id: "fake-removed" }))[0],
      );
      await waitFor("the sleep", async () => (await getRun(server.url, run.id)).steps[0]?.status === "Sleeping");
      await scripted.register([]);
      const [failed] = await finishedRuns(server.url, "fake-removed");
      expect(failed.error?.message).toBe(
        'function "fake-removed" is not registered any more; was it removed from its app?',
      );
    } finally {
      await scripted.close();
    }
  });
});

describe("wire protocol details", () => {
  it("echoes the SDK's request version, sends memoised steps in completion order and never sends ctx.fn_id", async () => {
    const scripted = await startScriptedApp({
      "fake-version": ({ index }, res) => {
        if (index === 0)
          json(res, 206, [{ op: "StepRun", id: "hash-a", displayName: "a", data: 1 }], {
            "x-inngest-req-version": "2",
          });
        else json(res, 200, "done");
      },
    });
    try {
      await postEvents(server.url, { name: "fake/fake-version", data: { x: 1 } });
      const [run] = await finishedRuns(server.url, "fake-version");
      expect(run).toMatchObject({ status: "Completed", output: "done" });
      const [first, second] = scripted.requests["fake-version"];
      expect(first.stepId).toBe("step");
      expect(first.body.version).toBe(-1);
      expect(first.headers["x-inngest-req-version"]).toBeUndefined();
      expect(first.headers["x-inngest-server-kind"]).toBe("dev");
      expect(first.headers["x-inngest-signature"]).toBeUndefined();
      expect(first.body.event).toMatchObject({ name: "fake/fake-version", data: { x: 1 } });
      expect(second.body.version).toBe(2);
      expect(second.headers["x-inngest-req-version"]).toBe("2");
      expect(second.body.steps).toEqual({ "hash-a": { data: 1 } });
      expect(second.body.ctx).toEqual({
        run_id: run.id,
        attempt: 0,
        max_attempts: 1,
        disable_immediate_execution: false,
        use_api: false,
        stack: { stack: ["hash-a"], current: 1 },
      });
    } finally {
      await scripted.close();
    }
  });
});

describe("run API", () => {
  it("cancels a sleeping run", async () => {
    await inngest.send({ name: "test/long-nap", data: {} });
    const run = await waitFor("the run", async () => (await listRuns(server.url, { function_id: "exec-long-nap" }))[0]);
    await waitFor("the sleep", async () =>
      (await getRun(server.url, run.id)).steps.some((s) => s.status === "Sleeping"),
    );
    const cancel = () => fetch(`${server.url}/v1/runs/${run.id}/cancel`, { method: "POST" }).then((r) => r.json());
    expect(await cancel()).toEqual({ data: { id: run.id, status: "Cancelled" } });
    expect(await cancel()).toEqual({ data: { id: run.id, status: "Cancelled" } });
    expect((await getRun(server.url, run.id)).status).toBe("Cancelled");
    expect((await fetch(`${server.url}/v1/runs/nope/cancel`, { method: "POST" })).status).toBe(404);
  });

  it("lists runs as JSON and HTML, newest first, with filters", async () => {
    const all = await listRuns(server.url);
    expect(all.length).toBeGreaterThan(5);
    const created = all.map((r) => r.createdAt);
    expect([...created].sort().reverse()).toEqual(created);
    const failed = await listRuns(server.url, { status: "failed" });
    expect(failed.length).toBeGreaterThan(0);
    expect(failed.every((r) => r.status === "Failed")).toBe(true);
    expect(await listRuns(server.url, { limit: "2" })).toHaveLength(2);
    const page = await fetch(`${server.url}/?status=Failed`);
    expect(page.headers.get("content-type")).toMatch(/text\/html/);
    const html = await page.text();
    expect(html).toContain('http-equiv="refresh"');
    expect(html).toContain(failed[0].id);
    expect((await fetch(`${server.url}/v1/runs?status=bogus`)).status).toBe(400);
    expect((await fetch(`${server.url}/v1/runs/unknown-run`)).status).toBe(404);
  });

  it("answers unknown routes, wrong methods and oversized bodies with JSON errors", async () => {
    const nope = await fetch(`${server.url}/nope`);
    expect(nope.status).toBe(404);
    expect(await nope.json()).toEqual({ error: "no route for /nope", status: 404 });
    expect((await fetch(`${server.url}/e/key`)).status).toBe(405);
    const huge = await postEvents(server.url, { name: "test/once", data: { blob: "x".repeat(5 * 1024 * 1024) } });
    expect(huge.status).toBe(413);
  });

  it("holds event sends to Inngest's limits: 512 KB and 5,000 events a request", async () => {
    const justUnder = await postEvents(server.url, { name: "test/none", data: { blob: "x".repeat(500 * 1024) } });
    expect(justUnder.status).toBe(200);
    const over = await postEvents(server.url, { name: "test/none", data: { blob: "x".repeat(513 * 1024) } });
    expect(over.status).toBe(413);
    const many = await postEvents(
      server.url,
      Array.from({ length: 5_001 }, (_, i) => ({ name: "test/none", data: { i } })),
    );
    expect(many.status).toBe(400);
    const fiveThousand = await postEvents(
      server.url,
      Array.from({ length: 5_000 }, (_, i) => ({ name: "test/none", data: { i } })),
    );
    expect(fiveThousand.status).toBe(200);
  });
});

type ScriptedCall = { stepId: string; index: number; body: CallBody; headers: http.IncomingHttpHeaders };
type CallBody = { version: number; event: unknown; steps: unknown; ctx: Record<string, unknown> };
type Script = (call: ScriptedCall, res: http.ServerResponse) => void;

function json(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { "content-type": "application/json", ...headers }).end(JSON.stringify(body));
}

/** A hand-written "app" registered through /fn/register, answering calls with scripted responses. */
async function startScriptedApp(scripts: Record<string, Script>) {
  const requests: Record<string, ScriptedCall[]> = {};
  const fake = http.createServer((req, res) => {
    const query = new URL(req.url ?? "/", "http://x").searchParams;
    const fnId = query.get("fnId") ?? "";
    let text = "";
    req.on("data", (chunk) => {
      text += chunk;
    });
    req.on("end", () => {
      requests[fnId] ??= [];
      const call = {
        stepId: query.get("stepId") ?? "",
        index: requests[fnId].length,
        body: JSON.parse(text),
        headers: req.headers,
      };
      requests[fnId].push(call);
      scripts[fnId]?.(call, res);
    });
  });
  await new Promise<void>((resolve) => fake.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(fake.address() as AddressInfo).port}/api/inngest`;
  const register = async (ids: string[]) => {
    const res = await fetch(`${server.url}/fn/register`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        url,
        appName: "fake",
        functions: ids.map((id) => ({
          id,
          name: id,
          triggers: [{ event: `fake/${id}` }],
          steps: {
            step: {
              id: "step",
              name: "step",
              runtime: { type: "http", url: `${url}?fnId=${id}&stepId=step` },
              retries: { attempts: 0 },
            },
          },
        })),
      }),
    });
    expect(await res.json()).toMatchObject({ status: 200 });
  };
  const functionIds = Object.keys(scripts);
  await register(functionIds);
  return {
    functionIds,
    requests,
    register,
    close: () => new Promise<void>((resolve) => fake.close(() => resolve())),
  };
}
