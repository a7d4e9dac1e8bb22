// Defects of the delivery engine found in review, each pinned by the behaviour its fix promises:
// the exhaustion and a 410 commit with the attempt that caused them, a redelivered chain counts
// towards disabling, a redelivery and a replay hand their work to the lane in the transaction
// that needs it, the trace tells "not processed yet" apart, the per-webhook disable policies, and
// the validation of the delivery settings. Each test has its own workspace and receivers.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { POST as redeliverRoute } from "@/app/api/v1/deliveries/[id]/redeliver/route";
import { GET as traceRoute } from "@/app/api/v1/events/[id]/trace/route";
import { GET as replayProgressRoute } from "@/app/api/v1/replays/[id]/route";
import { POST as enableRoute } from "@/app/api/v1/webhooks/[id]/enable/route";
import { GET as healthRoute } from "@/app/api/v1/webhooks/[id]/health/route";
import { POST as replayRoute } from "@/app/api/v1/webhooks/[id]/replay/route";
import { POST as createWebhookRoute } from "@/app/api/v1/webhooks/route";
import { db, pool, sqlTransaction } from "@/lib/db";
import { relayLaneWakes, STALE_WAKE_MS } from "@/lib/delivery-engine/lanes";
import type { AttemptRecord, DeliveryToSend } from "@/lib/delivery-engine/perform-attempt";
import { recordAttempts } from "@/lib/delivery-engine/record-attempts";
import { RELAY_GRACE_MS, relayUnpublished } from "@/lib/events/relay-unpublished";
import { waitFor } from "@/tools/inngest-local/test-support";
import { createRecord, createWebhook, type DeliveryWorkspace, deliveryWorkspace } from "../helpers/delivery-workspace";
import { call } from "../helpers/http";
import { harnessForThisFile } from "../helpers/inngest";
import { type Received, startReceiver } from "../helpers/receiver";

process.env.WEBHOOK_RETRY_SCHEDULE = "10,10,10,10";
process.env.WEBHOOK_TIMEOUT_MS = "2000";

const harness = harnessForThisFile();

/** Run `fn` with the local Inngest server stopped (the app keeps serving), then start it again. */
async function whileInngestDown<T>(fn: () => Promise<T>): Promise<T> {
  await harness().stopServer();
  try {
    return await fn();
  } finally {
    await harness().startServer();
  }
}

const webhookRow = (id: string) => db().webhook.findUniqueOrThrow({ where: { id } });
const noticesOf = (webhookId: string) => db().notice.count({ where: { webhookId, kind: "webhook_disabled" } });
const emailsTo = (to: string) => db().outboxEmail.count({ where: { to } });

function waitDisabled(webhookId: string, timeoutMs = 15_000) {
  return waitFor(
    "the webhook to be disabled",
    async () => {
      const w = await webhookRow(webhookId);
      return w.enabled ? undefined : w;
    },
    { timeoutMs },
  );
}

/** The delivery of a record's event once it has ended with `status`. */
function deliveryEnded(webhookId: string, todoId: string, status: "DELIVERED" | "FAILED") {
  return waitFor(`the delivery to be ${status}`, () =>
    db()
      .delivery.findFirst({ where: { webhookId, todoId } })
      .then((d) => (d?.status === status ? d : undefined)),
  );
}

/** Answers 200 to events whose record title starts with "ok", 500 to everything else. */
const byTitle = (req: Received) =>
  (JSON.parse(req.body).currentValue?.title as string | undefined)?.startsWith("ok")
    ? { status: 200 }
    : { status: 500 };

describe("the last failed attempt and its consequences commit together", () => {
  /** A delivery written directly in the state a lane leaves it between attempts (none is due). */
  async function retryingDelivery(webhookId: string, url: string, attemptCount: number): Promise<DeliveryToSend> {
    const body = JSON.stringify({ id: randomUUID(), event: "TODO_CREATED", previousValue: null, currentValue: null });
    const row = await db().delivery.create({
      data: {
        webhookId,
        eventType: "TODO_CREATED",
        messageId: `msg_${randomUUID()}`,
        kind: "event",
        body,
        status: "RETRYING",
        attemptCount,
        chainLast: 5,
        lastAttemptAt: new Date(),
        nextAttemptAt: new Date(Date.now() + 3_600_000),
      },
    });
    return {
      id: row.id,
      webhookId,
      messageId: row.messageId,
      body,
      eventType: "TODO_CREATED",
      url,
      kind: "event",
      chainLast: 5,
    };
  }

  const failedAttempt = (delivery: DeliveryToSend, number: number, statusCode: number): AttemptRecord => ({
    delivery,
    number,
    trigger: "retry",
    startedAt: new Date(),
    headers: { "content-type": "application/json", "webhook-id": delivery.messageId },
    outcome: {
      ok: false,
      statusCode,
      responseHeaders: { "content-type": "text/plain" },
      responseBody: "down",
      latencyMs: 12,
      errorClass: "http_status",
      errorMessage: `HTTP ${statusCode}`,
      retryAfterMs: null,
    },
  });

  /** Record the attempt in a transaction that then crashes; returns what the transaction saw. */
  async function recordThenCrash(attempt: AttemptRecord) {
    let seen: { enabled: boolean; emails: number } | undefined;
    await expect(
      sqlTransaction(async (client) => {
        const recorded = await recordAttempts(client, [attempt]);
        const { rows } = await client.query<{ enabled: boolean }>("SELECT enabled FROM webhooks WHERE id = $1", [
          attempt.delivery.webhookId,
        ]);
        seen = { enabled: rows[0].enabled, emails: recorded.emails.length };
        throw new Error("crash");
      }),
    ).rejects.toThrow("crash");
    return seen;
  }

  async function expectUntouched(ws: DeliveryWorkspace, delivery: DeliveryToSend, attemptCount: number) {
    expect(await db().deliveryAttempt.count({ where: { deliveryId: delivery.id } })).toBe(0);
    expect(await db().delivery.findUniqueOrThrow({ where: { id: delivery.id } })).toMatchObject({
      status: "RETRYING",
      attemptCount,
    });
    expect(await webhookRow(delivery.webhookId)).toMatchObject({
      enabled: true,
      consecutiveFailures: 0,
      exhaustedDeliveries: 0,
      disabledReason: null,
    });
    expect(await noticesOf(delivery.webhookId)).toBe(0);
    expect(await emailsTo(ws.owner.email)).toBe(0);
  }

  it("a crash after the 5th failed attempt undoes it all; recorded, it disables at once; recorded again, nothing counts twice", async () => {
    const ws = await deliveryWorkspace("exhaust-atomic");
    const hook = await createWebhook(ws, "http://127.0.0.1:9/exhausted");
    const delivery = await retryingDelivery(hook.id, hook.url, 4);
    const fifth = failedAttempt(delivery, 5, 500);

    // Inside the transaction the exhaustion had disabled the webhook and queued the e-mail.
    expect(await recordThenCrash(fifth)).toEqual({ enabled: false, emails: 1 });
    await expectUntouched(ws, delivery, 4);

    const recorded = await sqlTransaction((client) => recordAttempts(client, [fifth]));
    expect(recorded.decisions[0]).toMatchObject({ status: "FAILED", exhausted: true });
    expect(recorded.emails).toHaveLength(1);
    const ended = await db().delivery.findUniqueOrThrow({ where: { id: delivery.id } });
    expect(ended).toMatchObject({ status: "FAILED", attemptCount: 5, lastStatusCode: 500, nextAttemptAt: null });
    expect(ended.completedAt).not.toBeNull();
    const disabled = await webhookRow(hook.id);
    expect(disabled).toMatchObject({
      enabled: false,
      status: "UNHEALTHY",
      exhaustedDeliveries: 1,
      consecutiveFailures: 1,
    });
    expect(disabled.disabledReason).toContain("5 delivery attempts of TODO_CREATED failed");
    expect(await noticesOf(hook.id)).toBe(1);
    expect(await emailsTo(ws.owner.email)).toBe(1);

    const again = await sqlTransaction((client) => recordAttempts(client, [fifth]));
    expect(again.emails).toEqual([]);
    expect(await db().deliveryAttempt.count({ where: { deliveryId: delivery.id } })).toBe(1);
    expect(await webhookRow(hook.id)).toMatchObject({ exhaustedDeliveries: 1, consecutiveFailures: 1 });
    expect(await noticesOf(hook.id)).toBe(1);
    expect(await emailsTo(ws.owner.email)).toBe(1);
  });

  it("a crash after a 410 is recorded undoes it all; recorded, it disables at once; recorded again, nothing counts twice", async () => {
    const ws = await deliveryWorkspace("gone-atomic");
    const hook = await createWebhook(ws, "http://127.0.0.1:9/gone");
    const delivery = await retryingDelivery(hook.id, hook.url, 1);
    const gone = failedAttempt(delivery, 2, 410);

    expect(await recordThenCrash(gone)).toEqual({ enabled: false, emails: 1 });
    await expectUntouched(ws, delivery, 1);

    const recorded = await sqlTransaction((client) => recordAttempts(client, [gone]));
    expect(recorded.decisions[0]).toMatchObject({ status: "FAILED", gone: true, exhausted: false });
    expect(await db().delivery.findUniqueOrThrow({ where: { id: delivery.id } })).toMatchObject({
      status: "FAILED",
      attemptCount: 2,
      lastStatusCode: 410,
    });
    const disabled = await webhookRow(hook.id);
    expect(disabled).toMatchObject({ enabled: false, status: "UNHEALTHY", consecutiveFailures: 1 });
    expect(disabled.disabledReason).toContain("410 Gone");
    expect(await noticesOf(hook.id)).toBe(1);
    expect(await emailsTo(ws.owner.email)).toBe(1);

    const again = await sqlTransaction((client) => recordAttempts(client, [gone]));
    expect(again.emails).toEqual([]);
    expect(await db().deliveryAttempt.count({ where: { deliveryId: delivery.id } })).toBe(1);
    expect(await webhookRow(hook.id)).toMatchObject({ consecutiveFailures: 1 });
    expect(await noticesOf(hook.id)).toBe(1);
    expect(await emailsTo(ws.owner.email)).toBe(1);
  });
});

describe("redeliveries and replays", () => {
  it("a redelivered chain that uses up its attempts disables the webhook again", async () => {
    const ws = await deliveryWorkspace("redeliver-exhausts");
    const receiver = await startReceiver({ status: 500, body: "down" });
    const hook = await createWebhook(ws, `${receiver.url}/down`);
    const todo = await createRecord(ws, "never arrives");
    await waitDisabled(hook.id);
    const failed = await deliveryEnded(hook.id, todo.id, "FAILED");
    expect(receiver.requests).toHaveLength(5);
    expect(await noticesOf(hook.id)).toBe(1);

    receiver.reply((req) =>
      JSON.parse(req.body).event === "WEBHOOK_HEALTH_CHECK" ? { status: 200 } : { status: 500, body: "down" },
    );
    const enabled = await call(enableRoute, { method: "POST", cookie: ws.owner.cookie, params: { id: hook.id } });
    expect(enabled.status).toBe(200);
    expect(enabled.json).toMatchObject({ enabled: true, status: "HEALTHY" });
    const redelivered = await call(redeliverRoute, {
      method: "POST",
      cookie: ws.owner.cookie,
      params: { id: failed.id },
    });
    expect(redelivered.status).toBe(202);

    const webhookAfter = await waitDisabled(hook.id);
    expect(webhookAfter).toMatchObject({ status: "UNHEALTHY", exhaustedDeliveries: 1 });
    expect(webhookAfter.disabledReason).toContain("10 delivery attempts of TODO_CREATED failed");
    const attempts = await db().deliveryAttempt.findMany({
      where: { deliveryId: failed.id },
      orderBy: { number: "asc" },
    });
    expect(attempts.map((a) => [a.number, a.trigger])).toEqual([
      [1, "auto"],
      [2, "retry"],
      [3, "retry"],
      [4, "retry"],
      [5, "retry"],
      [6, "manual"],
      [7, "manual"],
      [8, "manual"],
      [9, "manual"],
      [10, "manual"],
    ]);
    expect(await db().delivery.findUniqueOrThrow({ where: { id: failed.id } })).toMatchObject({
      status: "FAILED",
      attemptCount: 10,
    });
    expect(await noticesOf(hook.id)).toBe(2);
    // Two "turned off" e-mails, each after its warning (turning the webhook back on starts a new hour).
    expect(await emailsTo(ws.owner.email)).toBe(4);
    // Five event attempts, the health check, five more.
    expect(receiver.requests).toHaveLength(11);
    await receiver.close();
  }, 30_000);

  it("a redelivery made while Inngest is down waits in its lane and is sent once the wake is relayed", async () => {
    const ws = await deliveryWorkspace("redeliver-down");
    const receiver = await startReceiver({ status: 200 });
    const hook = await createWebhook(ws, `${receiver.url}/again`);
    const todo = await createRecord(ws, "send me twice");
    const delivered = await deliveryEnded(hook.id, todo.id, "DELIVERED");
    expect(receiver.requests).toHaveLength(1);

    await whileInngestDown(async () => {
      const res = await call(redeliverRoute, { method: "POST", cookie: ws.owner.cookie, params: { id: delivered.id } });
      expect(res.status).toBe(202);
      expect(res.json).toEqual({ id: delivered.id, status: "PENDING" });
      expect(await db().delivery.findUniqueOrThrow({ where: { id: delivered.id } })).toMatchObject({
        status: "PENDING",
        chainLast: 6,
        chainTrigger: "manual",
      });
      const lane = await db().deliveryLane.findUniqueOrThrow({ where: { webhookId: hook.id } });
      expect(lane.wakeAt).not.toBeNull();
      expect(lane.wakeAt!.getTime()).toBeLessThanOrEqual(Date.now());
    });
    expect(receiver.requests).toHaveLength(1);

    // As the relay cron does once the wake is older than STALE_WAKE_MS.
    expect(await relayLaneWakes(Date.now() + STALE_WAKE_MS + 1_000)).toBeGreaterThanOrEqual(1);
    await receiver.waitFor(2);
    expect(receiver.requests[1].headers["webhook-id"]).toBe(delivered.messageId);
    expect(receiver.requests[1].body).toBe(receiver.requests[0].body);
    const ended = await deliveryEnded(hook.id, todo.id, "DELIVERED");
    expect(ended.attemptCount).toBe(2);
    const attempts = await db().deliveryAttempt.findMany({
      where: { deliveryId: delivered.id },
      orderBy: { number: "asc" },
    });
    expect(attempts.map((a) => [a.number, a.trigger, a.ok])).toEqual([
      [1, "auto", true],
      [2, "manual", true],
    ]);
    await receiver.close();
  }, 30_000);

  it("a replay of 6,000 deliveries is one job in the lane, and every delivery arrives", async () => {
    const ws = await deliveryWorkspace("replay-6000");
    const receiver = await startReceiver({ status: 200 });
    const hook = await createWebhook(ws, `${receiver.url}/bulk`, { maxConcurrency: 50 });
    const total = 6_000;
    await pool().query(
      `INSERT INTO deliveries (id, webhook_id, event_type, message_id, kind, body, status, last_error, created_at,
                               updated_at)
       SELECT $1 || '-' || g, $1, 'TODO_CREATED', 'msg_' || $1 || '_' || g, 'event', json_build_object('n', g)::text,
              'SKIPPED', 'The webhook was disabled', (now() AT TIME ZONE 'UTC') - make_interval(secs => $2 - g),
              now() AT TIME ZONE 'UTC'
         FROM generate_series(1, $2::int) AS g`,
      [hook.id, total],
    );

    const replay = await call(replayRoute, {
      cookie: ws.owner.cookie,
      params: { id: hook.id },
      body: { since: "2000-01-01T00:00:00Z" },
    });
    expect(replay.status, JSON.stringify(replay.json)).toBe(202);
    expect(replay.json).toMatchObject({ total, state: "running" });
    const statuses = await db().delivery.groupBy({ by: ["status"], where: { webhookId: hook.id }, _count: true });
    const counted = Object.fromEntries(statuses.map((s) => [s.status, s._count]));
    expect((counted.PENDING ?? 0) + (counted.DELIVERED ?? 0)).toBe(total);

    await receiver.waitFor(total, 120_000);
    const progress = await waitFor(
      "the replay to finish",
      async () => {
        const p = await call(replayProgressRoute, { cookie: ws.owner.cookie, params: { id: replay.json.id } });
        return p.json.state === "finished" ? p.json : undefined;
      },
      { timeoutMs: 30_000, intervalMs: 200 },
    );
    expect(progress).toMatchObject({ total, delivered: total, failed: 0, pending: 0 });
    expect(new Set(receiver.requests.map((r) => r.headers["webhook-id"])).size).toBe(total);
    await receiver.close();
  }, 180_000);
});

describe("why (not) delivered", () => {
  it("an event not fanned out yet is PENDING for the caller's webhook, then MATCHED once delivered", async () => {
    const ws = await deliveryWorkspace("trace-pending");
    const receiver = await startReceiver({ status: 200 });
    const hook = await createWebhook(ws, `${receiver.url}/trace`);

    const event = await whileInngestDown(async () => {
      const todo = await createRecord(ws, "not processed yet");
      const committed = await db().event.findFirstOrThrow({ where: { todoId: todo.id, type: "TODO_CREATED" } });
      expect(committed).toMatchObject({ publishedAt: null, fannedOutAt: null });
      const pending = await call(traceRoute, { cookie: ws.owner.cookie, params: { id: committed.id } });
      expect(pending.status).toBe(200);
      expect(pending.json.webhooks).toEqual([
        expect.objectContaining({ webhookId: hook.id, outcome: "PENDING", deliveryId: null }),
      ]);
      return committed;
    });

    expect(await relayUnpublished(new Date(event.occurredAt.getTime() + RELAY_GRACE_MS + 1))).toBeGreaterThanOrEqual(1);
    await receiver.waitFor(1);
    const delivered = await waitFor("the trace to show the delivery", async () => {
      const res = await call(traceRoute, { cookie: ws.owner.cookie, params: { id: event.id } });
      const mine = res.json.webhooks.find((w: { webhookId: string }) => w.webhookId === hook.id);
      return mine?.outcome === "MATCHED" && mine.deliveryStatus === "DELIVERED" ? mine : undefined;
    });
    const stored = await db().delivery.findFirstOrThrow({ where: { webhookId: hook.id, eventId: event.id } });
    expect(delivered.deliveryId).toBe(stored.id);
    await receiver.close();
  }, 30_000);
});

describe("disable policies", () => {
  it("exhausted count 2: the first exhausted delivery leaves it enabled, the second disables it", async () => {
    const ws = await deliveryWorkspace("policy-count");
    const receiver = await startReceiver({ status: 500, body: "down" });
    const hook = await createWebhook(ws, `${receiver.url}/count`, { disablePolicy: { type: "exhausted", count: 2 } });

    const first = await createRecord(ws, "fail 1");
    await deliveryEnded(hook.id, first.id, "FAILED");
    expect(await webhookRow(hook.id)).toMatchObject({ enabled: true, exhaustedDeliveries: 1 });
    const health = await call(healthRoute, { cookie: ws.owner.cookie, params: { id: hook.id } });
    expect(health.json.disablePolicy).toEqual({ type: "exhausted", count: 2 });
    expect(health.json.failuresUntilDisabled).toBeGreaterThan(0);
    expect(await noticesOf(hook.id)).toBe(0);

    const second = await createRecord(ws, "fail 2");
    await deliveryEnded(hook.id, second.id, "FAILED");
    const disabled = await waitDisabled(hook.id);
    expect(disabled).toMatchObject({ status: "UNHEALTHY", exhaustedDeliveries: 2 });
    expect(disabled.disabledReason).toContain("2 deliveries in a row failed");
    expect(await noticesOf(hook.id)).toBe(1);
    await receiver.close();
  });

  it("exhausted count 2: a delivered delivery in between restarts the streak", async () => {
    const ws = await deliveryWorkspace("policy-streak");
    const receiver = await startReceiver();
    receiver.reply(byTitle);
    const hook = await createWebhook(ws, `${receiver.url}/streak`, { disablePolicy: { type: "exhausted", count: 2 } });

    await deliveryEnded(hook.id, (await createRecord(ws, "fail A")).id, "FAILED");
    expect(await webhookRow(hook.id)).toMatchObject({ enabled: true, exhaustedDeliveries: 1 });
    await deliveryEnded(hook.id, (await createRecord(ws, "ok B")).id, "DELIVERED");
    await waitFor("the streak to restart", () =>
      webhookRow(hook.id).then((w) => (w.exhaustedDeliveries === 0 ? w : undefined)),
    );
    await deliveryEnded(hook.id, (await createRecord(ws, "fail C")).id, "FAILED");
    expect(await webhookRow(hook.id)).toMatchObject({ enabled: true, exhaustedDeliveries: 1 });
    expect(await noticesOf(hook.id)).toBe(0);

    await deliveryEnded(hook.id, (await createRecord(ws, "fail D")).id, "FAILED");
    expect(await waitDisabled(hook.id)).toMatchObject({ status: "UNHEALTHY", exhaustedDeliveries: 2 });
    await receiver.close();
  });

  it("failure rate 50 % of at least 3 in 60 minutes: OK, exhausted (1 of 2) stays, exhausted (2 of 3) disables", async () => {
    const ws = await deliveryWorkspace("policy-rate");
    const receiver = await startReceiver();
    receiver.reply(byTitle);
    const policy = { type: "failure_rate", percent: 50, windowMinutes: 60, minDeliveries: 3 };
    const hook = await createWebhook(ws, `${receiver.url}/rate`, { disablePolicy: policy });

    await deliveryEnded(hook.id, (await createRecord(ws, "ok 1")).id, "DELIVERED");
    await deliveryEnded(hook.id, (await createRecord(ws, "fail 2")).id, "FAILED");
    expect(await webhookRow(hook.id)).toMatchObject({ enabled: true });
    const health = await call(healthRoute, { cookie: ws.owner.cookie, params: { id: hook.id } });
    expect(health.json).toMatchObject({ disablePolicy: policy, failuresUntilDisabled: null });
    expect(await noticesOf(hook.id)).toBe(0);

    await deliveryEnded(hook.id, (await createRecord(ws, "fail 3")).id, "FAILED");
    const disabled = await waitDisabled(hook.id);
    expect(disabled.status).toBe("UNHEALTHY");
    expect(disabled.disabledReason).toContain("More than 50 % of deliveries failed in 60 minutes");
    expect(await noticesOf(hook.id)).toBe(1);
    await receiver.close();
  });
});

describe("delivery settings", () => {
  it("rejects bad settings with 422 naming the field, and a new webhook shows the defaults", async () => {
    const ws = await deliveryWorkspace("settings");
    const base = { name: "Settings", url: "http://127.0.0.1:9/settings", events: ["TODO_CREATED"] };
    const cases: [Record<string, unknown>, string][] = [
      [{ maxConcurrency: 0 }, "maxConcurrency"],
      [{ maxConcurrency: 51 }, "maxConcurrency"],
      [{ maxPerSecond: 0 }, "maxPerSecond"],
      [{ maxPerSecond: "x" }, "maxPerSecond"],
      [{ disablePolicy: { type: "exhausted", count: 0 } }, "disablePolicy.count"],
      [{ disablePolicy: { type: "nope" } }, "disablePolicy.type"],
    ];
    for (const [settings, field] of cases) {
      const res = await call(createWebhookRoute, { cookie: ws.owner.cookie, body: { ...base, ...settings } });
      expect(res.status, JSON.stringify(settings)).toBe(422);
      expect(Object.keys(res.json.error.fields), JSON.stringify(settings)).toEqual([field]);
    }
    expect(await db().webhook.count({ where: { createdById: ws.owner.user.id } })).toBe(0);

    const created = await call(createWebhookRoute, { cookie: ws.owner.cookie, body: base });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({
      maxConcurrency: 10,
      maxPerSecond: null,
      orderedDelivery: false,
      disablePolicy: { type: "exhausted", count: 1 },
      state: "NO_DATA",
    });
  });
});
