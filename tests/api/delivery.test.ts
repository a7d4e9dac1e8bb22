// Delivery end to end: the API commits a change, the real SDK serve() runs the fan-out and
// retry functions through the local Inngest server, and real receivers on 127.0.0.1 answer.
import crypto from "node:crypto";
import { Webhook as StandardWebhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as redeliverRoute } from "@/app/api/v1/deliveries/[id]/redeliver/route";
import { POST as createList } from "@/app/api/v1/projects/[projectId]/lists/route";
import { POST as createTodo } from "@/app/api/v1/projects/[projectId]/todos/route";
import { POST as cancelReplayRoute } from "@/app/api/v1/replays/[id]/cancel/route";
import { GET as replayProgressRoute } from "@/app/api/v1/replays/[id]/route";
import { POST as disableRoute } from "@/app/api/v1/webhooks/[id]/disable/route";
import { POST as enableRoute } from "@/app/api/v1/webhooks/[id]/enable/route";
import { GET as healthRoute } from "@/app/api/v1/webhooks/[id]/health/route";
import { POST as replayRoute } from "@/app/api/v1/webhooks/[id]/replay/route";
import { POST as testRoute } from "@/app/api/v1/webhooks/[id]/test/route";
import { POST as createWebhookRoute } from "@/app/api/v1/webhooks/route";
import { db, pool } from "@/lib/db";
import { fanOutEvent } from "@/lib/delivery-engine/fan-out";
import { pumpLane } from "@/lib/delivery-engine/lanes";
import { settlePublishing } from "@/lib/events/publish-events";
import { waitFor } from "@/tools/inngest-local/test-support";
import { call } from "../helpers/http";
import { type InngestHarness, startInngestHarness } from "../helpers/inngest";
import { startReceiver } from "../helpers/receiver";
import { startSmtp } from "../helpers/smtp";
import { addMember, createProject, createWorkspace } from "../helpers/workspace";

process.env.WEBHOOK_RETRY_SCHEDULE = "10,10,10,10";
process.env.WEBHOOK_TIMEOUT_MS = "1500";

let harness: InngestHarness;
let smtp: Awaited<ReturnType<typeof startSmtp>>;
let ws: Awaited<ReturnType<typeof createWorkspace>>;
let listId: string;

beforeAll(async () => {
  smtp = await startSmtp();
  process.env.SMTP_URL = smtp.url;
  harness = await startInngestHarness();
  ws = await createWorkspace("delivery");
  listId = (
    await call(createList, { cookie: ws.owner.cookie, params: { projectId: ws.project.id }, body: { title: "Inbox" } })
  ).json.id;
}, 60_000);
afterAll(async () => {
  await harness?.close();
  await smtp?.close();
});

async function webhookTo(url: string, body: Record<string, unknown> = {}) {
  const res = await call(createWebhookRoute, {
    cookie: ws.owner.cookie,
    body: { name: "Receiver", url, events: ["TODO_CREATED"], projectIds: [ws.project.id], ...body },
  });
  expect(res.status, JSON.stringify(res.json)).toBe(201);
  return res.json as { id: string; secret: string };
}

async function newTodo(title: string, projectId = ws.project.id, list = listId, cookie = ws.owner.cookie) {
  const res = await call(createTodo, { cookie, params: { projectId }, body: { todoListId: list, title } });
  expect(res.status, JSON.stringify(res.json)).toBe(201);
  await settlePublishing();
  return res.json as { id: string };
}

const deliveriesOf = (webhookId: string) =>
  db().delivery.findMany({ where: { webhookId }, include: { attempts: { orderBy: { number: "asc" } } } });

describe("delivery", () => {
  it("delivers Blue's payload with both signatures, and records the attempt", async () => {
    const receiver = await startReceiver({ status: 200, body: "thanks" });
    const hook = await webhookTo(`${receiver.url}/hook`);
    const todo = await newTodo("Signed delivery");
    await receiver.waitFor(1);
    const [req] = receiver.requests;
    const body = JSON.parse(req.body);
    expect(body).toMatchObject({
      event: "TODO_CREATED",
      previousValue: null,
      currentValue: { id: todo.id, title: "Signed delivery", todoList: { project: { id: ws.project.id } } },
      webhook: { id: hook.id, events: ["TODO_CREATED"], projectIds: [ws.project.id] },
    });
    expect(req.body).not.toContain(hook.secret);
    const hmac = crypto.createHmac("sha256", hook.secret).update(req.body).digest("hex");
    expect(req.headers["x-signature"]).toBe(hmac);
    expect(new StandardWebhook(hook.secret).verify(req.body, req.headers as Record<string, string>)).toEqual(body);
    expect(req.headers["content-type"]).toBe("application/json");
    expect(req.headers["user-agent"]).toMatch(/^BlueWebhooks\//);

    const [delivery] = await waitFor("the recorded attempt", async () => {
      const d = await deliveriesOf(hook.id);
      return d[0]?.status === "DELIVERED" ? d : undefined;
    });
    expect(delivery.attempts).toHaveLength(1);
    expect(delivery.attempts[0]).toMatchObject({ ok: true, responseStatus: 200, responseBody: "thanks", number: 1 });
    expect(delivery.messageId).toBe(req.headers["webhook-id"]);
    await receiver.close();
  });

  it("retries a failed delivery with the same webhook-id and body until it succeeds", async () => {
    const receiver = await startReceiver();
    receiver.reply(() => (receiver.requests.length <= 2 ? { status: 503, body: "busy" } : { status: 200 }));
    const hook = await webhookTo(`${receiver.url}/flaky`);
    await newTodo("Retry me");
    // Between attempts the log shows when the next one is due (stored in UTC, like every time).
    const retrying = await waitFor("the first failure to be recorded", async () => {
      const d = await db().delivery.findFirst({ where: { webhookId: hook.id } });
      return d?.status === "RETRYING" && d.nextAttemptAt && d.lastAttemptAt ? d : undefined;
    });
    expect(Math.abs(retrying.lastAttemptAt!.getTime() - Date.now())).toBeLessThan(5_000);
    expect(retrying.nextAttemptAt!.getTime()).toBeGreaterThan(retrying.lastAttemptAt!.getTime());
    await receiver.waitFor(3);
    const ids = new Set(receiver.requests.map((r) => r.headers["webhook-id"]));
    expect(ids.size).toBe(1);
    expect(new Set(receiver.requests.map((r) => r.body)).size).toBe(1);
    const [delivery] = await waitFor("delivered", async () => {
      const d = await deliveriesOf(hook.id);
      return d[0]?.status === "DELIVERED" ? d : undefined;
    });
    expect(delivery.attempts.map((a) => [a.number, a.responseStatus])).toEqual([
      [1, 503],
      [2, 503],
      [3, 200],
    ]);
    const webhook = await db().webhook.findUniqueOrThrow({ where: { id: hook.id } });
    expect(webhook).toMatchObject({ enabled: true, status: "HEALTHY", consecutiveFailures: 0 });
    await receiver.close();
  });

  it("a repeated fan-out sends nothing twice and leaves the delivery to its lane", async () => {
    // The retry waits 30 s (Retry-After), so any second request here would be a duplicate.
    const receiver = await startReceiver({ status: 503, body: "busy", headers: { "retry-after": "30" } });
    const hook = await webhookTo(`${receiver.url}/repeat`);
    await newTodo("Repeat me");
    const delivery = await waitFor("the first attempt", async () => {
      const d = await db().delivery.findFirst({ where: { webhookId: hook.id } });
      return d?.status === "RETRYING" && d.attemptCount === 1 ? d : undefined;
    });
    // As if Inngest ran the fan-out again after it had committed.
    await fanOutEvent(delivery.eventId!);
    expect(receiver.requests).toHaveLength(1);
    const lane = await db().deliveryLane.findUniqueOrThrow({ where: { webhookId: hook.id } });
    expect(lane.wakeAt?.getTime()).toBeLessThanOrEqual(delivery.nextAttemptAt!.getTime());
    expect(await db().deliveryAttempt.count({ where: { deliveryId: delivery.id } })).toBe(1);
    await call(disableRoute, { cookie: ws.owner.cookie, params: { id: hook.id } });
    await receiver.close();
  });

  it("after exactly 5 failed attempts disables the webhook, e-mails its creator and leaves a notice", async () => {
    const receiver = await startReceiver({ status: 500, body: "down" });
    const hook = await webhookTo(`${receiver.url}/down`);
    await newTodo("Never arrives");
    const webhook = await waitFor(
      "the webhook to be disabled",
      async () => {
        const w = await db().webhook.findUniqueOrThrow({ where: { id: hook.id } });
        return w.enabled ? undefined : w;
      },
      { timeoutMs: 30_000 },
    );
    expect(receiver.requests).toHaveLength(5);
    expect(webhook).toMatchObject({ status: "UNHEALTHY", consecutiveFailures: 5 });
    expect(webhook.disabledReason).toContain("5 delivery attempts of TODO_CREATED failed");
    const [delivery] = await deliveriesOf(hook.id);
    expect(delivery.status).toBe("FAILED");
    expect(delivery.attempts.map((a) => a.number)).toEqual([1, 2, 3, 4, 5]);
    const mail = await waitFor("the e-mail", () => smtp.mails.find((m) => m.raw.includes("We stopped sending")));
    expect(mail.to).toEqual([ws.owner.email]);
    expect(mail.raw).toContain("We stopped sending events to");
    const notices = await db().notice.findMany({ where: { webhookId: hook.id, kind: "webhook_disabled" } });
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({
      kind: "webhook_disabled",
      params: { name: "Receiver", url: `${receiver.url}/down`, reason: webhook.disabledReason },
    });
    await receiver.close();
  }, 40_000);

  it("honours 429 Retry-After", async () => {
    const receiver = await startReceiver();
    receiver.reply(() =>
      receiver.requests.length === 1 ? { status: 429, headers: { "retry-after": "2" } } : { status: 200 },
    );
    await webhookTo(`${receiver.url}/limited`);
    await newTodo("Rate limited");
    await receiver.waitFor(2, 20_000);
    const gap = receiver.requests[1].at - receiver.requests[0].at;
    expect(gap).toBeGreaterThanOrEqual(1900);
    await receiver.close();
  }, 30_000);

  it("410 Gone disables the webhook at once", async () => {
    const receiver = await startReceiver({ status: 410 });
    const hook = await webhookTo(`${receiver.url}/gone`);
    await newTodo("Gone");
    const webhook = await waitFor("disabled", async () => {
      const w = await db().webhook.findUniqueOrThrow({ where: { id: hook.id } });
      return w.enabled ? undefined : w;
    });
    expect(webhook.disabledReason).toContain("410 Gone");
    expect(receiver.requests).toHaveLength(1);
    await receiver.close();
  });

  it("a receiver that does not answer in time, and a redirect, are failures (the redirect is not followed)", async () => {
    const slow = await startReceiver({ status: 200, hang: true });
    const moved = await startReceiver({ status: 302, headers: { location: "http://127.0.0.1:9/elsewhere" } });
    const slowHook = await webhookTo(`${slow.url}/slow`);
    const movedHook = await webhookTo(`${moved.url}/moved`);
    await newTodo("Slow and moved");
    const attempts = await waitFor("both first attempts", async () => {
      const a = await db().deliveryAttempt.findMany({
        where: { webhookId: { in: [slowHook.id, movedHook.id] }, number: 1 },
      });
      return a.length === 2 ? a : undefined;
    });
    expect(attempts.find((a) => a.webhookId === slowHook.id)).toMatchObject({ ok: false, errorClass: "timeout" });
    expect(attempts.find((a) => a.webhookId === movedHook.id)).toMatchObject({
      ok: false,
      errorClass: "redirect",
      responseStatus: 302,
    });
    await db().webhook.updateMany({ where: { id: { in: [slowHook.id, movedHook.id] } }, data: { enabled: false } });
    await slow.close();
    await moved.close();
  });

  it("does not deliver once the creator's membership is revoked, and records why", async () => {
    const receiver = await startReceiver();
    const project = await createProject("Revocable", "Shared");
    await addMember(project.id, ws.owner.user.id, "MEMBER");
    const colleague = await createWorkspace("colleague");
    await addMember(project.id, colleague.owner.user.id, "OWNER");
    const list = (
      await call(createList, {
        cookie: colleague.owner.cookie,
        params: { projectId: project.id },
        body: { title: "L" },
      })
    ).json.id;
    const hook = await webhookTo(`${receiver.url}/revoked`, { projectIds: [project.id] });
    await db().projectMember.delete({
      where: { projectId_userId: { projectId: project.id, userId: ws.owner.user.id } },
    });
    await newTodo("Secret plans", project.id, list, colleague.owner.cookie);
    const event = await db().event.findFirstOrThrow({ where: { projectId: project.id, type: "TODO_CREATED" } });
    const trace = await waitFor("the trace", () =>
      db()
        .eventTrace.findUnique({ where: { eventId_webhookId: { eventId: event.id, webhookId: hook.id } } })
        .then((t) => t ?? undefined),
    );
    expect(trace.outcome).toBe("ACCESS_REVOKED");
    expect(receiver.requests).toHaveLength(0);
    expect(await db().delivery.count({ where: { webhookId: hook.id } })).toBe(0);
    await receiver.close();
  });

  it("a webhook for all projects receives events of a project created after it", async () => {
    const receiver = await startReceiver();
    const hook = await webhookTo(`${receiver.url}/all`, { projectIds: undefined, allProjects: true });
    const project = await createProject("Brand new", "Later");
    await addMember(project.id, ws.owner.user.id, "OWNER");
    const list = (
      await call(createList, { cookie: ws.owner.cookie, params: { projectId: project.id }, body: { title: "L" } })
    ).json.id;
    await newTodo("In the new project", project.id, list);
    await receiver.waitFor(1);
    expect(JSON.parse(receiver.requests[0].body).currentValue.todoList.project.id).toBe(project.id);
    const [delivery] = await waitFor("the recorded delivery", async () => {
      const d = await deliveriesOf(hook.id);
      return d.length ? d : undefined;
    });
    expect(delivery.projectId).toBe(project.id);
    await receiver.close();
  });

  it("a webhook whose secret cannot be read does not hold back the event's other webhooks", async () => {
    const good = await startReceiver();
    const broken = await startReceiver();
    const project = await createProject("Unreadable", "Secrets");
    await addMember(project.id, ws.owner.user.id, "OWNER");
    const list = (
      await call(createList, { cookie: ws.owner.cookie, params: { projectId: project.id }, body: { title: "L" } })
    ).json.id;
    const fine = await webhookTo(`${good.url}/fine`, { projectIds: [project.id] });
    const damaged = await webhookTo(`${broken.url}/damaged`, { projectIds: [project.id] });
    // As after a WEBHOOK_SECRET_KEY change or a damaged row: the stored secret no longer decrypts.
    await db().webhook.update({ where: { id: damaged.id }, data: { secretEncrypted: "v1:x:y:z" } });
    await newTodo("Still delivered", project.id, list);
    await good.waitFor(1);
    const [delivery] = await waitFor("the good webhook's delivery", async () => {
      const d = await deliveriesOf(fine.id);
      return d[0]?.status === "DELIVERED" ? d : undefined;
    });
    expect(delivery.attempts).toHaveLength(1);
    // The damaged webhook's delivery was written and left to its lane; nothing reached its receiver.
    expect((await deliveriesOf(damaged.id)).map((d) => d.status)).toEqual(["PENDING"]);
    expect(broken.requests).toHaveLength(0);
    // Its lane waits too, without failing: a pump claims nothing and dates no next run (a failing
    // run would be retried by Inngest, holding call slots every other webhook needs).
    const lane = await pool().query<{ generation: string }>(
      "SELECT generation::text AS generation FROM delivery_lanes WHERE webhook_id = $1",
      [damaged.id],
    );
    await expect(pumpLane(damaged.id, lane.rows[0].generation)).resolves.toMatchObject({ claimed: [], wake: null });
    expect((await deliveriesOf(damaged.id)).map((d) => [d.status, d.attemptCount])).toEqual([["PENDING", 0]]);
    await good.close();
    await broken.close();
  });
});

describe("re-enabling, testing, replaying and redelivering", () => {
  it("re-enabling sends WEBHOOK_HEALTH_CHECK first and stays disabled when it fails", async () => {
    const receiver = await startReceiver({ status: 500, body: "still broken" });
    const hook = await webhookTo(`${receiver.url}/check`);
    await call(disableRoute, { method: "POST", cookie: ws.owner.cookie, params: { id: hook.id } });
    const failed = await call(enableRoute, { method: "POST", cookie: ws.owner.cookie, params: { id: hook.id } });
    expect(failed.status).toBe(424);
    expect(failed.json.error.message).toContain("The webhook stays disabled");
    expect(JSON.parse(receiver.requests[0].body)).toMatchObject({
      event: "WEBHOOK_HEALTH_CHECK",
      previousValue: null,
      currentValue: null,
    });
    expect((await db().webhook.findUniqueOrThrow({ where: { id: hook.id } })).enabled).toBe(false);
    receiver.reply({ status: 200 });
    const ok = await call(enableRoute, { method: "POST", cookie: ws.owner.cookie, params: { id: hook.id } });
    expect(ok.status).toBe(200);
    expect(ok.json).toMatchObject({ enabled: true, status: "HEALTHY" });
    expect(receiver.requests).toHaveLength(2);
    await receiver.close();
  });

  it("events that matched while disabled are skipped, then replayed once it is back", async () => {
    const receiver = await startReceiver();
    const hook = await webhookTo(`${receiver.url}/replay`);
    await call(disableRoute, { method: "POST", cookie: ws.owner.cookie, params: { id: hook.id } });
    const since = new Date(Date.now() - 1000).toISOString();
    await newTodo("Missed one");
    await newTodo("Missed two");
    const skipped = await waitFor("two skipped deliveries", async () => {
      const d = await db().delivery.findMany({ where: { webhookId: hook.id, status: "SKIPPED" } });
      return d.length === 2 ? d : undefined;
    });
    expect(receiver.requests).toHaveLength(0);
    await call(enableRoute, { method: "POST", cookie: ws.owner.cookie, params: { id: hook.id } });
    const replay = await call(replayRoute, { cookie: ws.owner.cookie, params: { id: hook.id }, body: { since } });
    expect(replay.status).toBe(202);
    expect(replay.json).toMatchObject({ total: 2, state: "running" });
    await receiver.waitFor(3);
    const progress = await waitFor("the replay to finish", async () => {
      const p = await call(replayProgressRoute, { cookie: ws.owner.cookie, params: { id: replay.json.id } });
      return p.json.state === "finished" ? p.json : undefined;
    });
    expect(progress).toMatchObject({ total: 2, delivered: 2, failed: 0, pending: 0 });
    const titles = receiver.requests
      .slice(1)
      .map((r) => JSON.parse(r.body).currentValue.title)
      .sort();
    expect(titles).toEqual(["Missed one", "Missed two"]);
    const ids = receiver.requests
      .slice(1)
      .map((r) => r.headers["webhook-id"])
      .sort();
    expect(ids).toEqual(skipped.map((d) => d.messageId).sort());
    const bad = await call(replayRoute, {
      cookie: ws.owner.cookie,
      params: { id: hook.id },
      body: { since: "yesterday" },
    });
    expect(bad.status).toBe(422);
    expect(bad.json.error.fields.since).toEqual(["must be an ISO 8601 date-time"]);
    await receiver.close();
  });

  it("a replay can be cancelled: what was not delivered is skipped again", async () => {
    const receiver = await startReceiver({ status: 500 });
    const hook = await webhookTo(`${receiver.url}/cancel`);
    await call(disableRoute, { method: "POST", cookie: ws.owner.cookie, params: { id: hook.id } });
    const since = new Date(Date.now() - 1000).toISOString();
    await newTodo("Cancelled replay");
    await waitFor(
      "a skipped delivery",
      async () => (await db().delivery.count({ where: { webhookId: hook.id, status: "SKIPPED" } })) === 1 || undefined,
    );
    await db().webhook.update({ where: { id: hook.id }, data: { enabled: true } });
    const replay = await call(replayRoute, { cookie: ws.owner.cookie, params: { id: hook.id }, body: { since } });
    await receiver.waitFor(1);
    const cancelled = await call(cancelReplayRoute, {
      method: "POST",
      cookie: ws.owner.cookie,
      params: { id: replay.json.id },
    });
    expect(cancelled.json).toMatchObject({ state: "cancelled", total: 1, pending: 0 });
    const [delivery] = await deliveriesOf(hook.id);
    expect(delivery.status).toBe("SKIPPED");
    const stranger = await createWorkspace("replay-stranger");
    expect(
      (await call(replayProgressRoute, { cookie: stranger.owner.cookie, params: { id: replay.json.id } })).status,
    ).toBe(404);
    await receiver.close();
  });

  it("redeliver starts a manual chain with the original webhook-id", async () => {
    const receiver = await startReceiver({ status: 200 });
    const hook = await webhookTo(`${receiver.url}/again`);
    await newTodo("Send me twice");
    await receiver.waitFor(1);
    const [delivery] = await waitFor("delivered", async () => {
      const d = await deliveriesOf(hook.id);
      return d[0]?.status === "DELIVERED" ? d : undefined;
    });
    const res = await call(redeliverRoute, { method: "POST", cookie: ws.owner.cookie, params: { id: delivery.id } });
    expect(res.status).toBe(202);
    await receiver.waitFor(2);
    expect(receiver.requests[1].headers["webhook-id"]).toBe(receiver.requests[0].headers["webhook-id"]);
    expect(receiver.requests[1].body).toBe(receiver.requests[0].body);
    const attempts = await waitFor("the manual attempt", async () => {
      const a = await db().deliveryAttempt.findMany({ where: { deliveryId: delivery.id }, orderBy: { number: "asc" } });
      return a.length === 2 ? a : undefined;
    });
    expect(attempts.map((a) => [a.number, a.trigger])).toEqual([
      [1, "auto"],
      [2, "manual"],
    ]);
    const stranger = await createWorkspace("stranger");
    expect(
      (await call(redeliverRoute, { method: "POST", cookie: stranger.owner.cookie, params: { id: delivery.id } }))
        .status,
    ).toBe(404);
    await receiver.close();
  });

  it("send test event posts the catalog sample, signed, returns the receiver's answer, and never moves health", async () => {
    const receiver = await startReceiver({ status: 201, body: "got it" });
    const hook = await webhookTo(`${receiver.url}/test`);
    const res = await call(testRoute, {
      cookie: ws.owner.cookie,
      params: { id: hook.id },
      body: { eventType: "TODO_MOVED" },
    });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ ok: true, statusCode: 201, responseBody: "got it" });
    const sent = JSON.parse(receiver.requests[0].body);
    expect(sent).toMatchObject({
      event: "TODO_MOVED",
      currentValue: { todoList: { project: { name: "Mobile App" } } },
    });
    expect(receiver.requests[0].headers["x-signature"]).toBe(
      crypto.createHmac("sha256", hook.secret).update(receiver.requests[0].body).digest("hex"),
    );
    // A test is not a delivery of the webhook's events: no health data yet, and it says "test".
    const health = await call(healthRoute, { cookie: ws.owner.cookie, params: { id: hook.id } });
    expect(health.json).toMatchObject({
      state: "NO_DATA",
      successRate24h: null,
      attempts24h: 0,
      consecutiveFailures: 0,
      failuresUntilDisabled: 5,
    });
    const [testDelivery] = await deliveriesOf(hook.id);
    expect(testDelivery).toMatchObject({ kind: "test", status: "DELIVERED" });
    expect(testDelivery.attempts.map((a) => a.trigger)).toEqual(["test"]);
    receiver.reply({ status: 500, body: "down" });
    for (let i = 0; i < 6; i++) {
      await call(testRoute, { cookie: ws.owner.cookie, params: { id: hook.id }, body: { eventType: "TODO_MOVED" } });
    }
    const after = await db().webhook.findUniqueOrThrow({ where: { id: hook.id } });
    expect(after).toMatchObject({ enabled: true, consecutiveFailures: 0, lastFailureAt: null });
    const bad = await call(testRoute, {
      cookie: ws.owner.cookie,
      params: { id: hook.id },
      body: { eventType: "NOPE" },
    });
    expect(bad.status).toBe(422);
    await receiver.close();
  });
});
