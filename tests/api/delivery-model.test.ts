// Model-based test of the delivery engine. fast-check generates sequences of commands — what the
// receiver answers (200, 500, 410, 429 with Retry-After, too slow, slow but in time, connection
// refused), new records, SIGKILLs of the process that serves the Inngest functions, redeliver,
// replay, disable, enable and rotate — and runs them against the real thing: route handlers
// in-process, the Inngest functions in a child process, the local Inngest server, PostgreSQL and a
// receiver on 127.0.0.1. After each sequence the system settles and the invariants are checked
// from the database (see `judge`); any broken one fails the test with the whole story.
//
// `npm test` runs 15 sequences of 4–8 commands (about 30 s; in CI always the same ones, by a fixed
// seed). A longer run, repeatable by its seed:
//
//   MODEL_RUNS=200 MODEL_SEED=123 npx vitest run tests/api/delivery-model.test.ts
//
// A failure prints its seed, its path and the shrunk sequence with what happened (commands, the
// webhook's changes, every attempt, the Inngest runs). MODEL_SEED=<seed> MODEL_PATH=<path> runs that
// case again; MODEL_EXAMPLE='<the sequence as printed>' runs a given sequence first; MODEL_VERBOSE=1
// prints the story of every sequence. Timing decides some outcomes, so a case may need a few runs.
import http from "node:http";
import type { AddressInfo } from "node:net";
import fc from "fast-check";
import { Webhook as StandardWebhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, it } from "vitest";
import { POST as redeliverRoute } from "@/app/api/v1/deliveries/[id]/redeliver/route";
import { POST as disableRoute } from "@/app/api/v1/webhooks/[id]/disable/route";
import { POST as enableRoute } from "@/app/api/v1/webhooks/[id]/enable/route";
import { POST as replayRoute } from "@/app/api/v1/webhooks/[id]/replay/route";
import { POST as rotateRoute } from "@/app/api/v1/webhooks/[id]/rotate-secret/route";
import { POST as createWebhookRoute } from "@/app/api/v1/webhooks/route";
import { db, pool } from "@/lib/db";
import { MAX_ATTEMPTS } from "@/lib/delivery-engine/config";
import { relayLaneWakes, STALE_WAKE_MS } from "@/lib/delivery-engine/lanes";
import { HEALTH_CHECK_EVENT } from "@/lib/events/catalog";
import { settlePublishing } from "@/lib/events/publish-events";
import { FAN_OUT_GRACE_MS, relayNotFannedOut } from "@/lib/events/relay-unpublished";
import { type InngestLocal, startInngestLocal } from "@/tools/inngest-local";
import { dropSchema, getRun, listRuns, uniqueSchema, waitFor } from "@/tools/inngest-local/test-support";
import { type AppChild, startAppChild } from "../helpers/app-child";
import { createRecord, type DeliveryWorkspace, deliveryWorkspace } from "../helpers/delivery-workspace";
import { type CallResult, call } from "../helpers/http";

const TIMEOUT_MS = 300;
// Time runs fast: retries 20 ms apart, a receiver's Retry-After (1 s) honoured for 100 ms.
const DELIVERY_ENV = {
  WEBHOOK_RETRY_SCHEDULE: "20,20,20,20",
  WEBHOOK_TIMEOUT_MS: String(TIMEOUT_MS),
  WEBHOOK_MAX_RETRY_AFTER_MS: "100",
};
// The health checks sent by enable run in this process.
Object.assign(process.env, DELIVERY_ENV);

const RUNS = Number(process.env.MODEL_RUNS ?? 15);
/** CI runs one fixed set of sequences (so a red build is a regression, repeatable); locally each
 * run draws new ones. */
const CI_SEED = -1537988061;
const SEED = Number(process.env.MODEL_SEED ?? (process.env.CI ? CI_SEED : Date.now() ^ (Math.random() * 0x100000000)));
const PATH = process.env.MODEL_PATH;
/** MODEL_EXAMPLE='<a counterexample as printed>' runs that sequence first. */
const EXAMPLE = process.env.MODEL_EXAMPLE;
/** MODEL_VERBOSE=1 prints every sequence's story, not only a failing one's. */
const VERBOSE = process.env.MODEL_VERBOSE === "1";
/** For the sequences (2 s each on average) and for shrinking a failure: running out of it fails. */
const BUDGET_MS = RUNS * 20_000 + 120_000;

// Tolerances for the order of things seen from outside the engine.
/** Clocks and the whole milliseconds attempts are stored in. */
const EPS_MS = 50;
/** An attempt that ended is recorded (with what it decided) within this, unless its process died. */
const RECORD_MS = 5_000;
/** An attempt starts within this after the pump or the fan-out read the webhook. */
const CLAIM_MS = 1_000;
/** A disable by failures is visible to others within this after its transaction started. */
const COMMIT_MS = 500;

/** Why the engine skips a delivery that was waiting (an event that came while disabled is traced so). */
const SKIP_REASONS = ["The webhook was disabled", "Replay cancelled"];

const BEHAVIOURS = ["ok", "error", "gone", "throttled", "slow", "sluggish", "refused"] as const;
type Behaviour = (typeof BEHAVIOURS)[number];
const REPLIES: Record<
  Exclude<Behaviour, "refused">,
  { status: number; headers?: Record<string, string>; delayMs?: number }
> = {
  ok: { status: 200 },
  error: { status: 500 },
  gone: { status: 410 },
  throttled: { status: 429, headers: { "retry-after": "1" } },
  slow: { status: 200, delayMs: TIMEOUT_MS + 700 },
  // Slower than the fan-out waits (150 ms) and the lane's "slow" mark (100 ms), in time for the timeout.
  sluggish: { status: 200, delayMs: 200 },
};

type Command =
  | { do: "behave"; as: Behaviour }
  | { do: "create"; records: number }
  | { do: "kill"; afterMs: number }
  | { do: "redeliver"; pick: number }
  | { do: "replay" }
  | { do: "disable" }
  | { do: "enable" }
  | { do: "rotate" }
  | { do: "wait"; ms: number };

const record = <T>(shape: { [K in keyof T]: fc.Arbitrary<T[K]> }) => fc.record(shape, { noNullPrototype: true });
const commandArb: fc.Arbitrary<Command> = fc.oneof(
  { weight: 3, arbitrary: record({ do: fc.constant("behave" as const), as: fc.constantFrom(...BEHAVIOURS) }) },
  { weight: 4, arbitrary: record({ do: fc.constant("create" as const), records: fc.integer({ min: 1, max: 4 }) }) },
  { weight: 1, arbitrary: record({ do: fc.constant("kill" as const), afterMs: fc.integer({ min: 0, max: 400 }) }) },
  { weight: 1, arbitrary: record({ do: fc.constant("redeliver" as const), pick: fc.nat(20) }) },
  { weight: 1, arbitrary: record({ do: fc.constant("replay" as const) }) },
  { weight: 1, arbitrary: record({ do: fc.constant("disable" as const) }) },
  { weight: 1, arbitrary: record({ do: fc.constant("enable" as const) }) },
  { weight: 1, arbitrary: record({ do: fc.constant("rotate" as const) }) },
  { weight: 2, arbitrary: record({ do: fc.constant("wait" as const), ms: fc.integer({ min: 50, max: 1_000 }) }) },
);
const sequenceArb = record({
  /** The webhook's width (maxConcurrency): a narrow lane fills up and queues. */
  width: fc.constantFrom(1, 2, 10),
  receiver: fc.constantFrom(...BEHAVIOURS),
  commands: fc.array(commandArb, { minLength: 4, maxLength: 8 }),
});
type Sequence = typeof sequenceArb extends fc.Arbitrary<infer T> ? T : never;

type Request = { at: number; headers: http.IncomingHttpHeaders; body: string };

/**
 * A receiver whose answer the sequence changes; "refused" closes its port until the next change.
 * It counts the deliveries it holds at once (health checks aside).
 */
async function startModelReceiver() {
  const requests: Request[] = [];
  let behaviour: Behaviour = "ok";
  const held = { now: 0, most: 0 };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      requests.push({ at: Date.now(), headers: req.headers, body });
      if (!body.includes(HEALTH_CHECK_EVENT)) {
        held.now += 1;
        held.most = Math.max(held.most, held.now);
        res.on("close", () => {
          held.now -= 1;
        });
      }
      // (A request that raced the closing of the port gets a 503.)
      const reply = behaviour === "refused" ? { status: 503 } : REPLIES[behaviour];
      const answer = () => {
        if (res.destroyed) return;
        res.writeHead(reply.status, reply.headers);
        res.end();
      };
      if (reply.delayMs) setTimeout(answer, reply.delayMs);
      else answer();
    });
  });
  const listen = (port: number) => new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  await listen(0);
  const { port } = server.address() as AddressInfo;
  let open = true;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    held,
    get behaviour() {
      return behaviour;
    },
    async behave(next: Behaviour) {
      behaviour = next;
      if (next === "refused" && open) await close();
      if (next !== "refused" && !open) await listen(port);
      open = next !== "refused";
    },
    close: () => (open ? close() : Promise.resolve()),
  };
}
type ModelReceiver = Awaited<ReturnType<typeof startModelReceiver>>;

/** When the webhook's enabled flag changed: at some moment in [lo, hi]. */
type Change = { enabled: boolean; lo: number; hi: number; what: string };

/** What the webhook's enabled flag may have been at `t`, given changes known only up to an interval. */
function possibleAt(changes: Change[], t: number): Set<boolean> {
  const started = changes.filter((c) => c.lo <= t);
  const lasts = started.filter((c) => !started.some((d) => d !== c && d.lo > c.hi && d.hi < t));
  return new Set(lasts.map((c) => c.enabled));
}

function possibleOver(changes: Change[], from: number, to: number): Set<boolean> {
  const points = [from, to];
  for (const c of changes) for (const x of [c.lo, c.hi, c.hi + 1]) if (x > from && x < to) points.push(x);
  return new Set(points.flatMap((t) => [...possibleAt(changes, t)]));
}

type Chain = { last: number; origin: "auto" | "manual" | "replay" };

type Run = {
  label: string;
  ws: DeliveryWorkspace;
  hookId: string;
  width: number;
  receiver: ModelReceiver;
  started: number;
  created: number;
  kills: number;
  changes: Change[];
  secrets: { secret: string; from: number }[];
  /** Chains started by redeliver and replay, per delivery, after the first (ends at attempt 5). */
  chains: Map<string, Chain[]>;
  log: string[];
  violations: string[];
  /** Deliveries seen with no run scheduled, and since when (see checkWakes). */
  unscheduledSince: Map<string, number>;
};

const ended = (res: CallResult, ...allowed: number[]) => {
  if (!allowed.includes(res.status)) throw new Error(`unexpected ${res.status}: ${JSON.stringify(res.json)}`);
  return res;
};

async function healthChecksOf(hookId: string) {
  return db().delivery.findMany({ where: { webhookId: hookId, kind: "health_check" }, orderBy: { createdAt: "asc" } });
}

function recordChains(run: Run, rows: { id: string; chainLast: number }[], origin: "manual" | "replay") {
  for (const r of rows) run.chains.set(r.id, [...(run.chains.get(r.id) ?? []), { last: r.chainLast, origin }]);
}

async function execute(run: Run, command: Command, app: AppChild) {
  const at = () => `+${Date.now() - run.started}ms`;
  const params = { id: run.hookId };
  const cookie = run.ws.owner.cookie;
  const start = Date.now();
  switch (command.do) {
    case "behave":
      await run.receiver.behave(command.as);
      run.log.push(`${at()} receiver: ${command.as}`);
      return;
    case "create":
      for (let i = 0; i < command.records; i++) {
        await createRecord(run.ws, `record ${run.created}`);
        run.created += 1;
      }
      run.log.push(`${at()} created ${command.records} record(s)`);
      return;
    case "kill":
      await new Promise((resolve) => setTimeout(resolve, command.afterMs));
      run.log.push(`${at()} SIGKILL`);
      await app.killAndRestart();
      run.kills += 1;
      run.log.push(`${at()} app restarted`);
      return;
    case "redeliver": {
      const candidates = await db().delivery.findMany({
        where: { webhookId: run.hookId, kind: "event", status: { in: ["DELIVERED", "FAILED", "SKIPPED"] } },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      });
      if (candidates.length === 0) {
        run.log.push(`${at()} redeliver: nothing ended`);
        return;
      }
      const chosen = candidates[command.pick % candidates.length];
      const res = ended(await call(redeliverRoute, { method: "POST", cookie, params: { id: chosen.id } }), 202, 409);
      if (res.status === 202) {
        const row = await db().delivery.findUniqueOrThrow({ where: { id: chosen.id } });
        recordChains(run, [row], "manual");
      }
      run.log.push(`${at()} redeliver ${chosen.id} (${chosen.status}, ${chosen.attemptCount} attempts): ${res.status}`);
      return;
    }
    case "replay": {
      const since = new Date(run.started - 1_000).toISOString();
      const res = ended(await call(replayRoute, { cookie, params, body: { since } }), 202, 409);
      if (res.status === 202) {
        const rows = await db().delivery.findMany({ where: { replayJobId: res.json.id } });
        recordChains(run, rows, "replay");
      }
      run.log.push(`${at()} replay: ${res.status} ${res.status === 202 ? `${res.json.total} deliveries` : ""}`);
      return;
    }
    case "disable":
      ended(await call(disableRoute, { method: "POST", cookie, params }), 200);
      run.changes.push({ enabled: false, lo: start, hi: Date.now(), what: "disable" });
      run.log.push(`${at()} disable`);
      return;
    case "enable": {
      const before = (await healthChecksOf(run.hookId)).length;
      const behaviour = run.receiver.behaviour;
      const res = ended(await call(enableRoute, { method: "POST", cookie, params }), 200, 424);
      const end = Date.now();
      const checks = await healthChecksOf(run.hookId);
      const check = checks.length > before ? checks[checks.length - 1] : undefined;
      run.log.push(`${at()} enable (receiver ${behaviour}): ${res.status}${check ? " after a health check" : ""}`);
      if (!check) {
        if (res.status !== 200) run.violations.push(`enable answered ${res.status} without sending a health check`);
        return;
      }
      if ((res.status === 200) !== (check.status === "DELIVERED"))
        run.violations.push(`enable answered ${res.status}, its health check is ${check.status}`);
      // Only answers that cannot depend on the machine's speed are predicted.
      if (behaviour !== "sluggish" && (res.status === 200) !== (behaviour === "ok"))
        run.violations.push(`enable answered ${res.status} while the receiver was ${behaviour}`);
      if (res.status === 200) run.changes.push({ enabled: true, lo: start, hi: end, what: "enable" });
      return;
    }
    case "rotate": {
      const res = ended(await call(rotateRoute, { method: "POST", cookie, params }), 200);
      run.secrets.push({ secret: res.json.secret, from: Date.now() });
      run.log.push(`${at()} rotate`);
      return;
    }
    case "wait":
      await new Promise((resolve) => setTimeout(resolve, command.ms));
      run.log.push(`${at()} waited ${command.ms} ms`);
      return;
  }
}

const UNSCHEDULED_GRACE_MS = 3_000;

/**
 * Every waiting delivery has its lane's run scheduled: the lane wakes no later than the delivery is
 * due (or its lane's pause ends), or its wake-up is due already, or the lane is full and the end of
 * an attempt in flight (leased, or inline in a fan-out not yet committed) wakes it; a delivery
 * whose own attempt is in flight waits for its outcome.
 * (An attempt whose process died is the relay's to make again.) Read in one statement, so it sees
 * one committed state. Whether the run of a due wake-up really comes is for `settle` to find out.
 *
 * A fan-out wakes the lanes of the deliveries it queued just after its commit, in a transaction of
 * its own (lib/delivery-engine/fan-out.ts): between the two such a delivery has no run yet. So a
 * delivery counts as stuck once it has been seen without one for UNSCHEDULED_GRACE_MS — far longer
 * than that gap even on a loaded machine, far shorter than the relay's minute.
 */
async function checkWakes(run: Run, when: string) {
  const { rows } = await pool().query<{ id: string; status: string; next: Date | null; lane: string | null }>(
    `SELECT d.id, d.status::text AS status, d.next_attempt_at AT TIME ZONE 'UTC' AS next,
            row_to_json(l)::text AS lane
       FROM deliveries d LEFT JOIN delivery_lanes l ON l.webhook_id = d.webhook_id
      WHERE d.webhook_id = $1 AND d.kind = 'event' AND d.status IN ('PENDING', 'RETRYING') AND d.lease_until IS NULL
        AND NOT COALESCE(
              (l.wake_at IS NOT NULL AND d.next_attempt_at IS NOT NULL
               AND (l.wake_at <= GREATEST(d.next_attempt_at, l.paused_until) OR l.wake_at <= now() AT TIME ZONE 'UTC'))
              OR (l.saturated AND EXISTS (
                    SELECT 1 FROM deliveries f
                     WHERE f.webhook_id = d.webhook_id AND f.status IN ('PENDING', 'RETRYING')
                       AND f.lease_until IS NOT NULL))
              -- or an attempt in flight of a fan-out that has not committed yet (no lease so
              -- far): its end wakes the full lane
              OR (l.saturated AND EXISTS (
                    SELECT 1 FROM events e WHERE e.project_id = d.project_id AND e.fanned_out_at IS NULL)),
              false)`,
    [run.hookId],
  );
  const now = Date.now();
  const unscheduled = new Set(rows.map((r) => r.id));
  for (const id of run.unscheduledSince.keys()) if (!unscheduled.has(id)) run.unscheduledSince.delete(id);
  let stuck = false;
  for (const r of rows) {
    const since = run.unscheduledSince.get(r.id) ?? now;
    run.unscheduledSince.set(r.id, since);
    if (now - since < UNSCHEDULED_GRACE_MS) continue;
    stuck = true;
    const message = `${when}: delivery ${r.id} is ${r.status} (due ${r.next?.toISOString()}), no run is scheduled for it (for ${now - since} ms): lane ${r.lane}`;
    if (!run.violations.some((v) => v.includes(`delivery ${r.id} `))) run.violations.push(message);
  }
  return stuck;
}

/**
 * Wait until every event was fanned out and no delivery of the webhook waits any more ("settled"),
 * or a delivery is found that nothing will pick up ("stuck"), or no attempt was recorded for
 * `quietMs` while deliveries still wait ("timeout").
 */
async function settled(run: Run, quietMs: number): Promise<"settled" | "stuck" | "timeout"> {
  const attempts = () => db().deliveryAttempt.count({ where: { webhookId: run.hookId } });
  const deadline = Date.now() + 120_000;
  for (;;) {
    const seen = await attempts();
    const outcome = await waitFor(
      "the deliveries to settle",
      async () => {
        if (await checkWakes(run, "while settling")) return "stuck" as const;
        // One statement, so one snapshot: read apart, a fan-out committing in between (its
        // deliveries and its event's mark go in together) made both counts zero while its
        // delivery still waited — "settled" too early, and the delivery found PENDING.
        const [{ waiting, unfanned }, made] = await Promise.all([
          pool()
            .query<{ waiting: number; unfanned: number }>(
              `SELECT (SELECT count(*)::int FROM deliveries
                        WHERE webhook_id = $1 AND kind = 'event' AND status IN ('PENDING', 'RETRYING')) AS waiting,
                      (SELECT count(*)::int FROM events WHERE project_id = $2 AND fanned_out_at IS NULL) AS unfanned`,
              [run.hookId, run.ws.project.id],
            )
            .then((r) => r.rows[0]),
          attempts(),
        ]);
        if (waiting === 0 && unfanned === 0) return "settled" as const;
        return made > seen && ("progress" as const);
      },
      { timeoutMs: quietMs, intervalMs: 100 },
    ).catch(() => "timeout" as const);
    if (outcome !== "progress" || Date.now() > deadline) return outcome === "progress" ? "timeout" : outcome;
  }
}

async function settle(run: Run) {
  await settlePublishing();
  // A killed process loses its attempts in flight and the wake-ups it had not sent yet: the relay
  // brings them back a minute later. With no kill nothing may need it.
  const first = await settled(run, run.kills > 0 ? 6_000 : 10_000);
  if (first !== "timeout") return;
  if (run.kills === 0) run.violations.push("with no process killed, the deliveries did not settle without the relay");
  // What the relay cron does a minute later (for every lane in the database, not only this one),
  // and a quarter of an hour later for events whose fan-out run failed for good (every retry of
  // it fell while the app was down).
  await relayNotFannedOut(new Date(Date.now() + FAN_OUT_GRACE_MS + 60_000));
  await relayLaneWakes(Date.now() + STALE_WAKE_MS + 3_600_000);
  if ((await settled(run, 10_000)) === "timeout") run.violations.push("deliveries still waiting after the relay");
}

type Attempt = Awaited<ReturnType<typeof loadDeliveries>>[number]["attempts"][number];

function loadDeliveries(hookId: string) {
  return db().delivery.findMany({
    where: { webhookId: hookId, kind: "event" },
    include: { attempts: { orderBy: { number: "asc" } } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
}

const endOf = (a: Attempt) => a.startedAt.getTime() + a.latencyMs;
const outcome = (a: Attempt) => (a.ok ? "ok" : (a.responseStatus ?? a.errorClass ?? "?"));

/** The invariants, from the database once everything settled; returns what broke. */
async function judge(run: Run): Promise<{ violations: string[]; story: string }> {
  const v = run.violations;
  const [hook, lane, deliveries, events, traces, notices] = await Promise.all([
    db().webhook.findUniqueOrThrow({ where: { id: run.hookId } }),
    db().deliveryLane.findUnique({ where: { webhookId: run.hookId } }),
    loadDeliveries(run.hookId),
    db().event.findMany({
      where: { projectId: run.ws.project.id, type: "TODO_CREATED" },
      orderBy: { sequence: "asc" },
    }),
    db().eventTrace.findMany({ where: { webhookId: run.hookId } }),
    db().notice.findMany({ where: { webhookId: run.hookId, kind: "webhook_disabled" }, orderBy: { createdAt: "asc" } }),
  ]);
  const noticeChanges: Change[] = notices.map((n) => ({
    enabled: false,
    lo: n.createdAt.getTime(),
    hi: n.createdAt.getTime() + COMMIT_MS,
    what: `disabled by failures (${n.body.split(". Fix")[0]})`,
  }));
  const changes = [...run.changes, ...noticeChanges];
  const traceOf = new Map(traces.map((t) => [t.eventId, t]));
  const name = new Map(deliveries.map((d, i) => [d.id, `delivery #${i + 1} (${d.id})`]));

  // Events: each one fanned out, with one delivery, MATCHED (no trace row: the delivery says it)
  // or traced DISABLED, as the webhook then was.
  if (events.length !== run.created) v.push(`${run.created} records created, ${events.length} TODO_CREATED events`);
  for (const e of events) {
    const trace = traceOf.get(e.id);
    const mine = deliveries.filter((d) => d.eventId === e.id);
    if (!e.fannedOutAt) v.push(`event ${e.id} was never fanned out`);
    if (mine.length !== 1) v.push(`event ${e.id} has ${mine.length} deliveries to the webhook`);
    const outcome = trace?.outcome ?? (mine.length > 0 ? "MATCHED" : undefined);
    if (outcome !== "MATCHED" && outcome !== "DISABLED") {
      v.push(`event ${e.id} is traced ${outcome ?? "nowhere"}`);
      continue;
    }
    const t = (trace?.createdAt ?? mine[0].createdAt).getTime();
    const states = possibleOver(changes, t - CLAIM_MS, t + EPS_MS);
    if (!states.has(outcome === "MATCHED")) v.push(`event ${e.id} traced ${outcome}, the webhook was not`);
    const d = mine[0];
    if (d && outcome === "DISABLED" && !run.chains.has(d.id) && (d.status !== "SKIPPED" || d.attemptCount > 0))
      v.push(`${name.get(d.id)} of an event that came while disabled is ${d.status} after ${d.attemptCount} attempts`);
  }

  // Deliveries: ended, attempts 1..n under one webhook-id, chains that end where they must.
  type Failure = { at: number; gone: boolean; what: string };
  const failures: Failure[] = [];
  for (const d of deliveries) {
    const label = name.get(d.id)!;
    const chains: Chain[] = [{ last: MAX_ATTEMPTS, origin: "auto" }, ...(run.chains.get(d.id) ?? [])];
    const numbers = d.attempts.map((a) => a.number);
    if (numbers.join() !== numbers.map((_, i) => i + 1).join() || d.attemptCount !== numbers.length)
      v.push(`${label}: attempts numbered ${numbers.join(",")} with attempt_count ${d.attemptCount}`);
    for (const a of d.attempts) {
      const id = (a.requestHeaders as Record<string, string>)["webhook-id"];
      if (id !== d.messageId) v.push(`${label}: attempt ${a.number} sent with webhook-id ${id}, not ${d.messageId}`);
      const s = a.startedAt.getTime();
      if (!possibleOver(changes, s - CLAIM_MS, s).has(true))
        v.push(`${label}: attempt ${a.number} started while the webhook was disabled`);
    }
    if (d.chainLast !== chains[chains.length - 1].last)
      v.push(`${label}: chain_last ${d.chainLast}, the chains started end at ${chains.map((c) => c.last).join(",")}`);
    let finalEnd: Attempt | undefined;
    chains.forEach((chain, j) => {
      const first = chain.last - MAX_ATTEMPTS + 1;
      const last = j + 1 < chains.length ? chains[j + 1].last - MAX_ATTEMPTS : d.attemptCount;
      if (last > chain.last) v.push(`${label}: chain ${j + 1} (to attempt ${chain.last}) made attempts up to ${last}`);
      const inChain = d.attempts.filter((a) => a.number >= first && a.number <= last);
      inChain.forEach((a, i) => {
        const trigger = chain.origin === "auto" ? (a.number === 1 ? "auto" : "retry") : chain.origin;
        if (a.trigger !== trigger) v.push(`${label}: attempt ${a.number} marked ${a.trigger}, not ${trigger}`);
        if (i < inChain.length - 1 && (a.ok || a.responseStatus === 410))
          v.push(`${label}: attempt ${a.number + 1} made after attempt ${a.number} answered ${outcome(a)}`);
      });
      const end = inChain[inChain.length - 1];
      if (end && !end.ok && (end.responseStatus === 410 || end.number === chain.last))
        failures.push({ at: endOf(end), gone: end.responseStatus === 410, what: `${label} attempt ${end.number}` });
      if (j === chains.length - 1) finalEnd = end;
    });
    const finalLast = chains[chains.length - 1].last;
    if (d.status === "DELIVERED" && !finalEnd?.ok) v.push(`${label} is DELIVERED, its last attempt did not succeed`);
    if (
      d.status === "FAILED" &&
      !(finalEnd && !finalEnd.ok && (finalEnd.responseStatus === 410 || finalEnd.number === finalLast))
    )
      v.push(`${label} is FAILED after ${d.attemptCount} attempts, its chain ends at ${finalLast}`);
    if (d.status === "SKIPPED") {
      const keptWhileDisabled =
        traceOf.get(d.eventId ?? "")?.outcome === "DISABLED" && d.attemptCount === 0 && !run.chains.has(d.id);
      if (!keptWhileDisabled && !SKIP_REASONS.includes(d.lastError ?? ""))
        v.push(`${label} is SKIPPED with "${d.lastError}" as its reason`);
      if (finalEnd?.ok) v.push(`${label} is SKIPPED, but its last attempt succeeded`);
    }
    if (!["DELIVERED", "FAILED", "SKIPPED"].includes(d.status)) v.push(`${label} is still ${d.status}`);
  }

  // The disable policy (one exhausted delivery, or a 410): every chain that ended failing disabled
  // the webhook unless it already was, with a notice; no notice without such a chain; and between
  // two disables by failures the webhook was enabled again.
  for (const f of failures) {
    if (!possibleOver(changes, f.at - EPS_MS, f.at + RECORD_MS).has(false))
      v.push(`${f.what} ended its chain (${f.gone ? "410" : "exhausted"}), the webhook stayed enabled`);
  }
  notices.forEach((n, i) => {
    const at = n.createdAt.getTime();
    const gone = n.body.includes("410 Gone");
    if (!failures.some((f) => f.gone === gone && f.at >= at - RECORD_MS && f.at <= at + EPS_MS))
      v.push(`notice "${n.body.split(". Fix")[0]}" with no ${gone ? "410" : "exhausted delivery"} just before it`);
    const others = changes.filter((c) => c !== noticeChanges[i]);
    if (!possibleOver(others, at - RECORD_MS, at).has(true)) v.push(`a second disable by failures at ${n.createdAt}`);
  });
  const now = Date.now();
  if (!possibleAt(changes, now).has(hook.enabled))
    v.push(`the webhook ends ${hook.enabled ? "enabled" : "disabled"}, its history says otherwise`);
  if (hook.enabled && (hook.disabledReason || hook.disabledAt)) v.push("enabled with a disabled reason");
  if (!hook.enabled && hook.status === "UNHEALTHY") {
    const latest = notices[notices.length - 1];
    if (!hook.disabledReason || !latest?.body.startsWith(hook.disabledReason))
      v.push(`disabled by failures ("${hook.disabledReason}") without a notice saying so`);
  }

  // What the receiver saw: one webhook-id per event, signed with the secret of the moment. (Its
  // port may have served an older test's receiver: only this webhook's requests count.)
  const messageOf = new Map(deliveries.map((d) => [d.eventId, d.messageId]));
  for (const r of run.receiver.requests) {
    const body = JSON.parse(r.body) as { id: string; event: string; webhook: { id: string } };
    if (body.event === HEALTH_CHECK_EVENT || body.webhook.id !== run.hookId) continue;
    if (r.headers["webhook-id"] !== messageOf.get(body.id))
      v.push(
        `event ${body.id} reached the receiver as ${r.headers["webhook-id"]}, its delivery is ${messageOf.get(body.id)}`,
      );
    const current = run.secrets.filter((s) => s.from <= r.at - CLAIM_MS).pop() ?? run.secrets[0];
    const later = run.secrets.slice(run.secrets.indexOf(current));
    const verifies = later.some((s) => {
      try {
        new StandardWebhook(s.secret).verify(r.body, r.headers as Record<string, string>);
        return true;
      } catch {
        return false;
      }
    });
    if (!verifies) v.push(`a request at +${r.at - run.started}ms is not signed with the webhook's current secret`);
  }

  // The webhook's width (maxConcurrency): deliveries in flight to it at once.
  if (run.receiver.held.most > run.width)
    v.push(`the receiver held ${run.receiver.held.most} deliveries at once, the webhook's width is ${run.width}`);

  const at = (t: number) => `+${t - run.started}ms`;
  const story = [
    `${run.label}: webhook ${hook.id} ends ${hook.enabled ? "enabled" : `disabled (${hook.disabledReason})`}`,
    ...run.log,
    `the receiver held ${run.receiver.held.most} deliveries at once (width ${run.width})`,
    `lane: ${JSON.stringify(lane, (_, x) => (typeof x === "bigint" ? String(x) : x))}`,
    ...changes.map((c) => `change [${at(c.lo)}, ${at(c.hi)}]: ${c.what}`),
    ...deliveries.map(
      (d) =>
        `${name.get(d.id)} ${d.status} chain_last ${d.chainLast}${d.lastError ? ` (${d.lastError})` : ""}: ${d.attempts
          .map((a) => `${a.number}:${a.trigger}:${outcome(a)}@${at(a.startedAt.getTime())}`)
          .join(" ")}`,
    ),
  ].join("\n  ");
  return { violations: v, story };
}

/** The sequence's fan-out and lane runs, step by step, for the report of a broken invariant. */
async function inngestRunsOf(run: Run): Promise<string> {
  const events = new Set(
    (await db().event.findMany({ where: { projectId: run.ws.project.id }, select: { id: true } })).map((e) => e.id),
  );
  const at = (iso: string) => `+${Date.parse(iso) - run.started}ms`;
  const lines: string[] = [];
  for (const summary of (await listRuns(server.url)).reverse()) {
    if (Date.parse(summary.createdAt) < run.started) continue;
    const detail = await getRun(server.url, summary.id);
    const data = detail.event.data as { webhookId?: string; eventId?: string; generation?: string };
    if (data.webhookId !== run.hookId && !events.has(data.eventId ?? "")) continue;
    lines.push(
      `${summary.functionId} ${data.generation ? `generation ${data.generation} ` : ""}${summary.status} ${summary.error?.message ?? ""}`,
      ...detail.history.map((h) => `  ${at(h.at)} ${h.stepId} #${h.attempt}: ${h.summary}`),
    );
  }
  return lines.join("\n  ");
}

let server: InngestLocal;
let app: AppChild;
const schema = uniqueSchema("model");

beforeAll(async () => {
  app = await startAppChild(DELIVERY_ENV);
  server = await startInngestLocal({
    databaseUrl: process.env.DATABASE_URL!,
    port: Number(new URL(process.env.INNGEST_DEV!).port),
    schema,
    // Inngest's retries of a call that found the app dead, shortened to a twentieth (0.75 s, 1.5 s,
    // 3 s plus jitter): a restart takes a few seconds.
    backoffScale: 0.05,
    syncIntervalMs: 0,
    pollIntervalMs: 100,
    leaseMs: 2_000,
  });
  await server.sync(app.url);
}, 60_000);

afterAll(async () => {
  await app?.stop();
  await server?.stop();
  await dropSchema(schema);
});

async function runSequence(sequence: Sequence, index: number) {
  const ws = await deliveryWorkspace("model");
  const cookie = ws.owner.cookie;
  const receiver = await startModelReceiver();
  await receiver.behave(sequence.receiver);
  const started = Date.now();
  const hook = ended(
    await call(createWebhookRoute, {
      cookie,
      body: {
        name: "Model",
        url: `${receiver.url}/hook`,
        events: ["TODO_CREATED"],
        projectIds: [ws.project.id],
        maxConcurrency: sequence.width,
      },
    }),
    201,
  ).json as { id: string; secret: string };
  const run: Run = {
    label: `sequence ${index}`,
    ws,
    hookId: hook.id,
    width: sequence.width,
    receiver,
    started,
    created: 0,
    kills: 0,
    changes: [{ enabled: true, lo: started, hi: Date.now(), what: "created" }],
    secrets: [{ secret: hook.secret, from: started }],
    chains: new Map(),
    log: [`+0ms width ${sequence.width}, receiver: ${sequence.receiver}`],
    violations: [],
    unscheduledSince: new Map(),
  };
  try {
    for (const command of sequence.commands) {
      await execute(run, command, app);
      await checkWakes(run, `after ${command.do}`);
    }
    await settle(run);
    const { violations, story } = await judge(run);
    if (VERBOSE) console.info(`${story}\n  took ${Date.now() - started} ms`);
    if (violations.length > 0) {
      const runs = await inngestRunsOf(run);
      throw new Error(
        `${violations.length} invariant(s) broken:\n- ${violations.join("\n- ")}\n\n  ${story}\n  ${runs}`,
      );
    }
  } finally {
    await receiver.close();
  }
}

describe("the delivery engine, model-based", () => {
  it(
    `keeps its invariants through ${RUNS} random sequences (seed ${SEED})`,
    async () => {
      let index = 0;
      console.info(`delivery model: ${RUNS} sequences, MODEL_SEED=${SEED}${PATH ? ` MODEL_PATH=${PATH}` : ""}`);
      await fc.assert(
        fc.asyncProperty(sequenceArb, (sequence) => runSequence(sequence, ++index)),
        {
          numRuns: RUNS,
          seed: SEED,
          path: PATH,
          examples: EXAMPLE ? [[JSON.parse(EXAMPLE) as Sequence]] : [],
          includeErrorInReport: true,
          plugins: [fc.interruptAfterTimeLimit(BUDGET_MS, { failOnInterrupt: true })],
        },
      );
    },
    BUDGET_MS + 60_000,
  );
});
