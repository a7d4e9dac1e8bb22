// Contract test: durability across crashes. The server runs as a child process (the real CLI)
// and is SIGKILLed while a run waits on a retry and later while it sleeps; fresh servers on the
// same database must finish the run without re-running completed steps.
import { type ChildProcess, execFile, spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { Inngest, RetryAfterError } from "inngest";
import { afterAll, beforeAll, expect, it } from "vitest";
import {
  dropSchema,
  getRun,
  listRuns,
  silentLogger,
  startApp,
  type TestApp,
  testDatabaseUrl,
  uniqueSchema,
  waitFor,
} from "./test-support";

const CLI = path.join(path.dirname(fileURLToPath(import.meta.url)), "cli.ts");
const schema = uniqueSchema("restart");
const children: ChildProcess[] = [];
let app: TestApp;
const calls: Record<string, number> = {};
const count = (key: string) => {
  calls[key] = (calls[key] ?? 0) + 1;
  return calls[key];
};

type Server = {
  url: string;
  child: ChildProcess;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
};

/** Starts `cli.ts start` on a free port and resolves once it logs that it listens. */
function startServer(): Promise<Server> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", CLI, "start", "--port", "0", "--schema", schema, "--backoff-scale", "0.001"],
    {
      env: { ...process.env, DATABASE_URL: testDatabaseUrl(), INNGEST_LOCAL_LOG_LEVEL: "info" },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  children.push(child);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  let stderr = "";
  child.stderr?.on("data", (chunk) => {
    stderr += chunk;
  });
  return new Promise((resolve, reject) => {
    let buffered = "";
    child.stdout?.on("data", (chunk) => {
      buffered += chunk;
      for (const line of buffered.split("\n")) {
        if (!line.includes('"listening"')) continue;
        resolve({ url: JSON.parse(line).url, child, exited });
      }
    });
    exited.then(({ code }) => reject(new Error(`server exited (${code}) before listening: ${stderr}`)));
  });
}

async function kill(server: Server): Promise<void> {
  server.child.kill("SIGKILL");
  expect((await server.exited).signal).toBe("SIGKILL");
}

async function stepStatus(serverUrl: string, runId: string, name: string): Promise<string | undefined> {
  return (await getRun(serverUrl, runId)).steps.find((s) => s.name === name)?.status;
}

beforeAll(async () => {
  const inngest = new Inngest({ id: "durable", isDev: true, logger: silentLogger });
  const fn = inngest.createFunction(
    { id: "napper", retries: 2, triggers: [{ event: "durable/go" }] },
    async ({ step }) => {
      await step.run("before", () => count("before"));
      await step.run("flaky", () => {
        if (count("flaky") === 1) throw new RetryAfterError("receiver asked for a pause", "2s");
        return "ok";
      });
      await step.sleep("nap", "2s");
      return step.run("after", () => count("after"));
    },
  );
  app = await startApp(inngest, [fn]);
});

afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  await app?.close();
  await dropSchema(schema);
});

it("finishes a run after the server is SIGKILLed during a pending retry and during a sleep", async () => {
  const first = await startServer();
  const synced = await fetch(`${first.url}/sync?url=${encodeURIComponent(app.url)}`, { method: "POST" });
  expect(synced.status).toBe(200);
  const sent = await fetch(`${first.url}/e/key`, {
    method: "POST",
    body: JSON.stringify({ name: "durable/go", data: {} }),
  });
  expect(sent.status).toBe(200);
  const runId = await waitFor(
    "the run",
    async () => (await listRuns(first.url, { function_id: "durable-napper" }))[0]?.id,
  );
  await waitFor("the retry to be pending", async () => (await stepStatus(first.url, runId, "flaky")) === "Retrying");
  await kill(first);

  const second = await startServer();
  await waitFor("the sleep", async () => (await stepStatus(second.url, runId, "nap")) === "Sleeping", {
    timeoutMs: 10_000,
  });
  expect(calls).toEqual({ before: 1, flaky: 2 });
  await kill(second);

  const third = await startServer();
  const run = await waitFor(
    "the run to complete",
    async () => {
      const detail = await getRun(third.url, runId);
      return detail.status === "Completed" ? detail : undefined;
    },
    { timeoutMs: 10_000 },
  );
  expect(run.output).toBe(1);
  expect(calls).toEqual({ before: 1, flaky: 2, after: 1 });

  const exec = promisify(execFile);
  const listed = await exec(process.execPath, [
    "--import",
    "tsx",
    CLI,
    "runs",
    "--url",
    third.url,
    "--function",
    "durable-napper",
  ]);
  expect(listed.stdout).toMatch(new RegExp(`${runId}\\s+Completed\\s+durable-napper\\s+durable/go`));

  third.child.kill("SIGTERM");
  expect(await third.exited).toEqual({ code: 0, signal: null });
});
