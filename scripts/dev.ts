// npm run dev — PostgreSQL (embedded unless DATABASE_URL is set), migrations, demo data, then
// Next.js; one Ctrl-C stops everything this command started. `npm start` (--production) seeds no
// demo data unless --seed-demo asks for it. The flags are in start-options.ts. The configuration is
// checked first (lib/env.ts): a bad variable stops the command, named, before anything starts.
//
// A production run starts the same build twice: the web process (PORT) for people and API
// clients, and a worker (WORKER_PORT, default PORT+1) whose /api/inngest route runs the
// functions, so delivery work never queues behind, or in front of, user requests on one event
// loop. The worker, the local Inngest server and their database sessions run at a lower CPU
// priority than the web process: on one machine, user requests come first.
import { type ChildProcess, spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { assertValidConfiguration, exitOnInvalidConfiguration, launcherEnv } from "../lib/env";
import { DEMO_USERS } from "../lib/seed/demo-data";
import { ensureDatabaseUp } from "./db/commands";
import { databaseUrl, ROOT, usesEmbedded, withDatabase } from "./db/config";
import { stopServer } from "./db/server";
import { loadEnvFiles } from "./env-files";
import { ensureLocalSecrets } from "./local-secrets";
import { prepareDatabase } from "./prepare-database";
import {
  INNGEST_LOCAL_APPLICATION_NAME,
  lowerPriority,
  lowerSessionsPriority,
  WORKER_APPLICATION_NAME,
  withApplicationName,
} from "./process-priority";
import { parseStartOptions } from "./start-options";

/** How much background processes and their database sessions yield the CPU (WORKER_NICE, default 19; 0 = off). */
const workerNice = () => launcherEnv.WORKER_NICE;

const { production, fresh, durable, seedDemo, allowLoopbackWebhooks, singleProcess, database } = parseStartOptions(
  process.argv.slice(2),
);

const children: ChildProcess[] = [];
let startedServer = false;
/** The local Inngest server's URL, when this command runs one. */
let localInngestUrl: string | undefined;
let stopping = false;

function nextBin() {
  return path.join(ROOT, "node_modules/next/dist/bin/next");
}

/**
 * `next start` on 127.0.0.1:port, keeping an idle connection open 65 s (Node's default is 5 s). A
 * client that reuses a kept-alive connection just as the server closes it gets "socket hang up" on
 * a request the server never saw — an e2e test's API context did, after 5 s of work in the page.
 * Longer than the 60 s idle timeout of common load balancers, which would meet the same race.
 */
/**
 * V8 lets a process's old generation grow up to fourfold between major collections. After start,
 * the web process and the worker each grew from ~50 to ~175–200 MB before their first major
 * collection (~105 s in, under load), which then freed ~100 MB with four helper threads at once:
 * on two cores a one-second stall of every process (bench (d): tenant A's p99 with B 84–383 ms).
 * Growing by half at most, they collect every 20–40 s at 90–130 MB instead, a few ms each
 * (the same (d): p99 40 ms).
 */
const NEXT_NODE_FLAGS = ["--heap-growing-percent=50"];

function nextStart(port: string) {
  return [...NEXT_NODE_FLAGS, nextBin(), "start", "-p", port, "-H", "127.0.0.1", "--keepAliveTimeout", "65000"];
}

function runToEnd(args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: "inherit", env });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${args.join(" ")} exited with ${code}`))));
  });
}

/**
 * Children run in their own process group (and session) so that stopping reaches next-server's
 * workers too, and so that each can have its own CPU priority.
 */
function startChild(name: string, args: string[], env: NodeJS.ProcessEnv, list = children): ChildProcess {
  const child = spawn(process.execPath, args, { stdio: "inherit", env, detached: true });
  list.push(child);
  child.on("exit", (code, signal) => {
    if (!stopping) {
      console.error(`${name} exited (${signal ?? code}); stopping`);
      void shutdown(code ?? 1);
    }
  });
  return child;
}

/** Stopped after the app, so that the app's last events and calls still find it. */
const inngestChildren: ChildProcess[] = [];

async function stopChildren(list: ChildProcess[]): Promise<void> {
  for (const child of list) {
    try {
      process.kill(-child.pid!, "SIGTERM");
    } catch {}
  }
  await Promise.all(list.map((c) => waitForExit(c, 8000)));
}

function waitForExit(child: ChildProcess, ms: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {}
      resolve();
    }, ms);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  await stopChildren(children);
  await stopChildren(inngestChildren);
  if (startedServer) await stopServer().catch((e) => console.error(e));
  process.exit(code);
}

async function main() {
  loadEnvFiles();
  ensureLocalSecrets();
  // DATABASE_URL may be missing here: the embedded server's URL is set below.
  exitOnInvalidConfiguration(process.env, { launcher: true, provided: ["DATABASE_URL"] });
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));

  const up = await ensureDatabaseUp({ fast: fresh && !durable });
  startedServer = up.startedServer;
  const url = database ? withDatabase(databaseUrl(), database) : up.url;
  const { applied, seeded } = await prepareDatabase(url, { fresh, seedDemo });
  if (applied.length) console.log(`migrations applied: ${applied.join(", ")}`);
  if (seeded) console.log("demo data seeded");

  const port = String(launcherEnv.PORT);
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: url, PORT: port };
  if (allowLoopbackWebhooks) env.WEBHOOK_ALLOWED_NETWORKS ??= "127.0.0.0/8,::1/128";
  const workerPort = singleProcess ? undefined : String(launcherEnv.WORKER_PORT ?? launcherEnv.PORT + 1);
  const functionsOrigin = `http://127.0.0.1:${workerPort ?? port}`;
  const appUrl = `${functionsOrigin}/api/inngest`;
  if (usesExternalInngest()) console.log("Inngest: using the server configured by INNGEST_* variables");
  else await startLocalInngest(url, appUrl, env);
  if (production) {
    if (!fs.existsSync(path.join(ROOT, ".next/BUILD_ID"))) await runToEnd([nextBin(), "build"], env);
    const prodEnv = { ...env, NODE_ENV: "production" as const };
    assertValidConfiguration(prodEnv);
    startChild("next", [...cpuProfileArgs("web"), ...nextStart(port)], {
      ...prodEnv,
      BLUE_PROCESS_ROLE: "web",
    });
    if (workerPort) {
      const worker = startChild("worker", [...cpuProfileArgs("worker"), ...nextStart(workerPort)], {
        ...prodEnv,
        PORT: workerPort,
        BLUE_PROCESS_ROLE: "worker",
        DATABASE_URL: withApplicationName(url, WORKER_APPLICATION_NAME),
      });
      if (worker.pid && !lowerPriority(worker.pid, workerNice())) console.warn("could not lower the worker's priority");
      // Only for the embedded server this command manages: its process ids are on this host.
      if (usesEmbedded()) lowerSessionsPriority(url, WORKER_APPLICATION_NAME, workerNice());
    }
  } else {
    assertValidConfiguration(env);
    startChild("next", [nextBin(), "dev", "-p", port, "-H", "127.0.0.1"], env);
  }
  if (localInngestUrl) await syncWhenReady(localInngestUrl, functionsOrigin, appUrl);
  const demoLogin = seedDemo ? `  Demo login:    ${DEMO_USERS.demo.email} / ${DEMO_USERS.demo.password}\n` : "";
  console.log(
    `\n  Blue Webhooks: http://127.0.0.1:${port}\n${demoLogin}${workerPort ? `  Functions:     ${appUrl} (worker)\n` : ""}`,
  );
}

/** NEXT_CPU_PROFILE_DIR=dir: each server writes a V8 CPU profile there when it stops (profiling). */
function cpuProfileArgs(role: string): string[] {
  const dir = launcherEnv.NEXT_CPU_PROFILE_DIR;
  return dir ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(dir, role)}`] : [];
}

function usesExternalInngest() {
  return Boolean(process.env.INNGEST_DEV || process.env.INNGEST_BASE_URL || process.env.INNGEST_SIGNING_KEY);
}

/**
 * The project's local Inngest server (tools/inngest-local) in a process of its own. Development
 * runs the SDK in dev mode; a production build runs it in cloud mode, with every call signed by a
 * key made for this run, exactly as on Inngest Cloud. In production it stands in for a service
 * that would not share the app's cores, so it yields the CPU like the worker.
 */
async function startLocalInngest(databaseUrl: string, appUrl: string, env: NodeJS.ProcessEnv) {
  // A development tool: it and its packages are devDependencies, absent from a production install.
  if (!["croner", "@marcbachmann/cel-js"].every((name) => fs.existsSync(path.join(ROOT, "node_modules", name)))) {
    throw new Error(
      "The local Inngest server is not installed (devDependencies). Set INNGEST_SIGNING_KEY and INNGEST_EVENT_KEY for Inngest Cloud, or INNGEST_BASE_URL and the keys for a self-hosted Inngest server.",
    );
  }
  const signingKey = production ? `signkey-local-${crypto.randomBytes(32).toString("hex")}` : undefined;
  const port = String(launcherEnv.INNGEST_LOCAL_PORT);
  const url = `http://127.0.0.1:${port}`;
  const args = ["--import", "tsx", path.join(ROOT, "tools/inngest-local/cli.ts"), "start", "--port", port];
  args.push("--database-url", databaseUrl, "--app-url", appUrl);
  const child = startChild(
    "inngest-local",
    args,
    { ...process.env, INNGEST_SIGNING_KEY: signingKey ?? "" },
    inngestChildren,
  );
  if (!(await answers(`${url}/health`, 60_000))) throw new Error(`the local Inngest server did not start on ${url}`);
  localInngestUrl = url;
  if (production && workerNice() > 0) {
    if (!lowerPriority(child.pid!, workerNice())) console.warn("could not lower the local Inngest server's priority");
    if (usesEmbedded()) lowerSessionsPriority(databaseUrl, INNGEST_LOCAL_APPLICATION_NAME, workerNice());
  }
  if (signingKey) {
    Object.assign(env, { INNGEST_BASE_URL: url, INNGEST_SIGNING_KEY: signingKey, INNGEST_EVENT_KEY: "local" });
  } else {
    env.INNGEST_DEV = url;
  }
  console.log(`Inngest: local server on ${url} (runs: ${url}/)`);
}

/** Poll `url` until it answers 2xx (true) or `ms` pass (false). */
async function answers(url: string, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline && !stopping) {
    const ok = await fetch(url).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return true;
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}

/** Sync the app as soon as it answers, so that no event sent at start-up misses its functions. */
async function syncWhenReady(inngestUrl: string, baseUrl: string, appUrl: string) {
  if (!(await answers(`${baseUrl}/api/health`, 120_000))) return;
  const res = await fetch(`${inngestUrl}/sync?url=${encodeURIComponent(appUrl)}`, { method: "POST" });
  if (!res.ok)
    console.warn(`syncing ${appUrl} with the local Inngest server failed: ${res.status} ${await res.text()}`);
}

main().catch(async (err) => {
  console.error(err instanceof Error ? err.message : err);
  await shutdown(1);
});
