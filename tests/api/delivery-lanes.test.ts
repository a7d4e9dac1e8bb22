// Delivery lanes end to end: the API commits changes, the real SDK serve() runs the fan-out and
// the lanes through the local Inngest server, and real receivers on 127.0.0.1 answer slowly,
// with 429s, or with failures. Each test has its own workspace, so no other webhook matches.

import { describe, expect, it } from "vitest";
import { PATCH as patchTodo } from "@/app/api/v1/todos/[id]/route";
import { DELETE as deleteWebhookRoute, PATCH as patchWebhookRoute } from "@/app/api/v1/webhooks/[id]/route";
import { db, pool } from "@/lib/db";
import { attemptsInFlightHere, releaseSlot, tryTakeSlot } from "@/lib/delivery-engine/attempt-slots";
import { launchAttempts, settleBackgroundAttempts } from "@/lib/delivery-engine/background-sender";
import type { FanOutResult } from "@/lib/delivery-engine/fan-out";
import { pumpLane } from "@/lib/delivery-engine/lanes";
import { settlePublishing } from "@/lib/events/publish-events";
import { getRun, listRuns, waitFor } from "@/tools/inngest-local/test-support";
import { createRecord, createWebhook, deliveryWorkspace, retryingDelivery } from "../helpers/delivery-workspace";
import { call } from "../helpers/http";
import { harnessForThisFile } from "../helpers/inngest";
import { type Received, startReceiver } from "../helpers/receiver";

process.env.WEBHOOK_RETRY_SCHEDULE = "20,20,20,20";
process.env.WEBHOOK_TIMEOUT_MS = "4000";

const harness = harnessForThisFile();

const titleOf = (r: Received) => JSON.parse(r.body).currentValue.title as string;

/** Whether another transaction holds the lane's row (NOWAIT fails at once if so). */
async function laneIsLocked(webhookId: string): Promise<boolean> {
  const client = await pool().connect();
  try {
    await client.query("BEGIN");
    await client.query("SELECT 1 FROM delivery_lanes WHERE webhook_id = $1 FOR UPDATE NOWAIT", [webhookId]);
    return false;
  } catch (error) {
    if ((error as { code?: string }).code === "55P03") return true;
    throw error;
  } finally {
    await client.query("ROLLBACK");
    client.release();
  }
}

/** The output of the completed fan-out run of an event (what it did and where its time went). */
function fanOutOutput(eventId: string) {
  return waitFor(`the fan-out of ${eventId}`, async () => {
    for (const run of await listRuns(harness().server.url, { status: "Completed" })) {
      if (!run.functionId.endsWith("fan-out")) continue;
      const detail = await getRun(harness().server.url, run.id);
      if ((detail.event.data as { eventId?: string }).eventId === eventId) return run.output as FanOutResult;
    }
    return undefined;
  });
}

describe("delivery lanes", () => {
  it("a slow receiver delays only its own webhook, even for the same event", async () => {
    const ws = await deliveryWorkspace("slow");
    const slow = await startReceiver({ status: 200, delayMs: 2_500 });
    const fast = await startReceiver({ status: 200 });
    await createWebhook(ws, `${slow.url}/slow`);
    await createWebhook(ws, `${fast.url}/fast`);
    for (let i = 0; i < 5; i++) await createRecord(ws, `event ${i}`);
    await settlePublishing();
    // Every event reaches the fast webhook while the slow one still holds its first request.
    await fast.waitFor(5);
    const firstSlowAnswer = slow.requests[0] ? slow.requests[0].at + 2_500 : Number.POSITIVE_INFINITY;
    expect(Math.max(...fast.requests.map((r) => r.at))).toBeLessThan(firstSlowAnswer);
    // The slow webhook gets every event too, through its lane.
    await slow.waitFor(5, 30_000);
    await settleBackgroundAttempts();
    const slowHook = await db().webhook.findFirstOrThrow({ where: { url: `${slow.url}/slow` } });
    await waitFor("the slow deliveries recorded", async () => {
      const n = await db().delivery.count({ where: { webhookId: slowHook.id, status: "DELIVERED" } });
      return n === 5 || undefined;
    });
    await Promise.all([slow.close(), fast.close()]);
  }, 40_000);

  it("a slow receiver with free slots gets each new event at once, in the background, with no lane run", async () => {
    const ws = await deliveryWorkspace("slow-background");
    const slow = await startReceiver({ status: 200, delayMs: 1_500 });
    const hook = await createWebhook(ws, `${slow.url}/slow`);
    await createRecord(ws, "first");
    await waitFor("the lane marked slow", () =>
      db()
        .deliveryLane.findUnique({ where: { webhookId: hook.id } })
        .then((l) => (l?.slow ? l : undefined)),
    );
    const generation = (await db().deliveryLane.findUniqueOrThrow({ where: { webhookId: hook.id } })).generation;
    const committed: number[] = [];
    for (let i = 0; i < 3; i++) {
      await createRecord(ws, `next ${i}`);
      committed.push(Date.now());
    }
    await slow.waitFor(4, 10_000);
    // Each reached the receiver while the ones before it were still unanswered (1.5 s each).
    for (let i = 0; i < 3; i++) expect(slow.requests[i + 1].at - committed[i]).toBeLessThan(1_000);
    expect((await db().deliveryLane.findUniqueOrThrow({ where: { webhookId: hook.id } })).generation).toBe(generation);
    await waitFor("all four delivered", async () => {
      const n = await db().delivery.count({ where: { webhookId: hook.id, status: "DELIVERED" } });
      return n === 4 || undefined;
    });
    await slow.close();
  }, 30_000);

  it("an attempt the fan-out stopped waiting for keeps the next events' fan-outs from waiting for that receiver until it answers", async () => {
    const ws = await deliveryWorkspace("unanswered");
    const fast = await startReceiver({ status: 200 });
    const slow = await startReceiver({ status: 200, delayMs: 3_000 });
    // Nine fast webhooks and one slow one: the fan-out stops waiting for the tenth (a straggler)
    // soon after the nine have answered, and leaves its attempt running.
    for (let i = 0; i < 9; i++) await createWebhook(ws, `${fast.url}/hook-${i}`);
    const slowHook = await createWebhook(ws, `${slow.url}/slow`);
    const latestEvent = async () =>
      (
        await db().event.findFirstOrThrow({
          where: { projectId: ws.project.id, type: "TODO_CREATED" },
          orderBy: { sequence: "desc" },
          select: { id: true },
        })
      ).id;
    await createRecord(ws, "first");
    // The first fan-out waited for its straggler a while, then left it running.
    expect(await fanOutOutput(await latestEvent())).toMatchObject({ matched: 10, notWaited: 0 });
    await createRecord(ws, "second");
    const second = await fanOutOutput(await latestEvent());
    await slow.waitFor(2);
    // The second event's attempt went out while the first was still unanswered, and its fan-out
    // did not wait for it at all.
    expect(slow.requests[1].at - slow.requests[0].at).toBeLessThan(3_000);
    expect(second).toMatchObject({ matched: 10, notWaited: 1 });
    await waitFor("both slow deliveries delivered", async () => {
      const n = await db().delivery.count({ where: { webhookId: slowHook.id, status: "DELIVERED" } });
      return n === 2 || undefined;
    });
    await Promise.all([fast.close(), slow.close()]);
  }, 30_000);

  it("a pump skips a delivery whose attempt is being recorded instead of waiting for it (no deadlock)", async () => {
    const ws = await deliveryWorkspace("lock-order");
    const receiver = await startReceiver({ status: 200 });
    const hook = await createWebhook(ws, `${receiver.url}/locked`);
    // Two retries due whose attempts were lost (their leases are over), as the recorder may find them.
    const due = new Date(Date.now() - 60_000);
    const [recording, free] = await Promise.all(
      ["recording", "free"].map((name) => retryingDelivery(hook.id, name, due, due)),
    );
    const lane = await db().deliveryLane.findUniqueOrThrow({ where: { webhookId: hook.id } });
    // The recorder's transaction: the delivery first, then (as recordAttempts does) its lane.
    const recorder = await pool().connect();
    try {
      await recorder.query("BEGIN");
      await recorder.query("SELECT id FROM deliveries WHERE id = $1 FOR UPDATE", [recording.id]);
      let pumpEnded = false;
      const pumped = pumpLane(hook.id, lane.generation.toString()).finally(() => {
        pumpEnded = true;
      });
      // The recorder asks for the lane once the pump holds it (or is done already).
      await waitFor("the pump to hold the lane", async () => pumpEnded || (await laneIsLocked(hook.id)));
      await recorder.query("SELECT 1 FROM delivery_lanes WHERE webhook_id = $1 FOR UPDATE", [hook.id]);
      const result = await pumped;
      await recorder.query("COMMIT");
      expect(result.claimed.map((c) => c.delivery.id)).toEqual([free.id]);
      launchAttempts(result.claimed);
    } finally {
      recorder.release();
    }
    await receiver.waitFor(1);
    expect(receiver.requests[0].headers["webhook-id"]).toBe(free.messageId);
    await receiver.close();
  });

  it("a pump's claimed attempts hold their slots from the claim: a fan-out in the process finds the lane full", async () => {
    const ws = await deliveryWorkspace("claim-holds-slot");
    const receiver = await startReceiver({ status: 200 });
    const hook = await createWebhook(ws, `${receiver.url}/narrow`, { maxConcurrency: 1 });
    // A retry due whose attempt was lost (its lease is over): the pump claims it.
    const due = new Date(Date.now() - 60_000);
    const retry = await retryingDelivery(hook.id, "due", due, due);
    const lane = await db().deliveryLane.findUniqueOrThrow({ where: { webhookId: hook.id } });
    const result = await pumpLane(hook.id, lane.generation.toString());
    expect(result.claimed.map((c) => c.delivery.id)).toEqual([retry.id]);
    // Between the claim and the attempt's start, the webhook's one slot is taken: an inline
    // attempt of a fan-out (tryTakeSlot) must not get it (the receiver would hold two at once).
    const inlineGotSlot = tryTakeSlot(hook.id, 1);
    if (inlineGotSlot) releaseSlot(hook.id);
    expect(inlineGotSlot).toBe(false);
    expect(attemptsInFlightHere(hook.id)).toBe(1);
    launchAttempts(result.claimed);
    await receiver.waitFor(1);
    await settleBackgroundAttempts();
    // The attempt gave its slot back once, and only once.
    expect(attemptsInFlightHere(hook.id)).toBe(0);
    expect(tryTakeSlot(hook.id, 1)).toBe(true);
    releaseSlot(hook.id);
    await receiver.close();
  });

  it("a 429 with Retry-After pauses only its own webhook", async () => {
    const ws = await deliveryWorkspace("paused");
    const limited = await startReceiver({ status: 200 });
    let first = true;
    limited.reply(() => {
      if (!first) return { status: 200 };
      first = false;
      return { status: 429, headers: { "retry-after": "2" } };
    });
    const other = await startReceiver({ status: 200 });
    const hook = await createWebhook(ws, `${limited.url}/limited`, { maxConcurrency: 1 });
    await createWebhook(ws, `${other.url}/other`);
    await createRecord(ws, "paused 0");
    await limited.waitFor(1);
    const t429 = limited.requests[0].at;
    await waitFor("the lane to pause", () =>
      db()
        .deliveryLane.findUnique({ where: { webhookId: hook.id } })
        .then((l) => (l?.pausedUntil && l.pausedUntil.getTime() > Date.now() ? l : undefined)),
    );
    for (let i = 1; i < 3; i++) await createRecord(ws, `paused ${i}`);
    await other.waitFor(3);
    await limited.waitFor(4, 20_000);
    // Nothing reached the limited webhook during its pause; the other webhook had everything by then.
    for (const r of limited.requests.slice(1)) expect(r.at - t429).toBeGreaterThanOrEqual(1_900);
    expect(Math.max(...other.requests.map((r) => r.at))).toBeLessThan(t429 + 1_900);
    await waitFor("every delivery delivered", async () => {
      const n = await db().delivery.count({ where: { webhookId: hook.id, status: "DELIVERED" } });
      return n === 3 || undefined;
    });
    await Promise.all([limited.close(), other.close()]);
  }, 40_000);

  it("honours the webhook's rate within 10 %", async () => {
    const ws = await deliveryWorkspace("rate");
    const receiver = await startReceiver({ status: 200 });
    await createWebhook(ws, `${receiver.url}/rate`, { maxPerSecond: 10 });
    const n = 30;
    await Promise.all(Array.from({ length: n }, (_, i) => createRecord(ws, `rate ${i}`)));
    await settlePublishing();
    await receiver.waitFor(n, 20_000);
    const times = receiver.requests.map((r) => r.at).sort((a, b) => a - b);
    // The rate while the lane has a backlog: from the third request on. The first ones come while
    // the 30 fan-outs are still queueing deliveries (a first gap of 150–300 ms on a busy machine).
    const rate = ((n - 3) * 1000) / (times[n - 1] - times[2]);
    expect(rate).toBeLessThanOrEqual(11);
    expect(rate).toBeGreaterThanOrEqual(9);
    // No one-second window holds more than the rate (plus the window's own edge).
    for (const start of times)
      expect(times.filter((t) => t >= start && t < start + 1000).length).toBeLessThanOrEqual(11);
    await receiver.close();
  }, 30_000);

  it("an ordered webhook never delivers a record's event before an earlier one, through failures", async () => {
    const ws = await deliveryWorkspace("ordered");
    const receiver = await startReceiver({ status: 200 });
    let count = 0;
    // Every third request fails: retries happen, and none runs out of attempts.
    receiver.reply(() => (++count % 3 === 0 ? { status: 500 } : { status: 200 }));
    const hook = await createWebhook(ws, `${receiver.url}/ordered`, {
      orderedDelivery: true,
      events: ["TODO_CREATED", "TODO_NAME_CHANGED"],
    });
    const records = 4;
    const changes = 6;
    await Promise.all(
      Array.from({ length: records }, async (_, r) => {
        const todo = await createRecord(ws, `r${r}-0`);
        for (let c = 1; c < changes; c++) {
          const res = await call(patchTodo, {
            cookie: ws.owner.cookie,
            params: { id: todo.id },
            body: { title: `r${r}-${c}` },
          });
          expect(res.status).toBe(200);
        }
      }),
    );
    await settlePublishing();
    // Usually a second; under the whole suite's load it has, rarely, waited for the relay's
    // minute (a wake-up or a publish that did not happen at once): the order is what is tested.
    await waitFor(
      "every delivery delivered",
      async () => {
        const n = await db().delivery.count({ where: { webhookId: hook.id, status: "DELIVERED" } });
        return n === records * changes || undefined;
      },
      { timeoutMs: 100_000 },
    );
    const delivered = new Map<string, number[]>();
    for (const req of receiver.requests) {
      const [record, change] = titleOf(req).split("-");
      const seen = delivered.get(record) ?? [];
      // A failed request is sent again: order is judged by the requests the receiver accepted.
      if (!seen.includes(Number(change))) seen.push(Number(change));
      delivered.set(record, seen);
    }
    for (const seen of delivered.values()) expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect([...delivered.values()].flat()).toHaveLength(records * changes);
    await receiver.close();
  }, 120_000);

  it("deleting a webhook while its delivery is in flight leaves the event's other webhooks unaffected", async () => {
    const ws = await deliveryWorkspace("deleted");
    const slow = await startReceiver({ status: 200, delayMs: 800 });
    const fast = await startReceiver({ status: 200 });
    const doomed = await createWebhook(ws, `${slow.url}/doomed`);
    const kept = await createWebhook(ws, `${fast.url}/kept`);
    const failedBefore = (await listRuns(harness().server.url, { status: "Failed" })).length;
    await createRecord(ws, "in flight");
    await slow.waitFor(1);
    expect((await call(deleteWebhookRoute, { cookie: ws.owner.cookie, params: { id: doomed.id } })).status).toBe(204);
    await fast.waitFor(1);
    await settleBackgroundAttempts();
    const keptDelivery = await waitFor("the kept webhook's delivery", () =>
      db()
        .delivery.findFirst({ where: { webhookId: kept.id, status: "DELIVERED" } })
        .then((d) => d ?? undefined),
    );
    expect(keptDelivery.attemptCount).toBe(1);
    expect(await db().delivery.count({ where: { webhookId: doomed.id } })).toBe(0);
    expect((await listRuns(harness().server.url, { status: "Failed" })).length).toBe(failedBefore);
    await Promise.all([slow.close(), fast.close()]);
  }, 30_000);

  it("records the first success as the last success (it used to stay empty until a failure)", async () => {
    const ws = await deliveryWorkspace("success");
    const receiver = await startReceiver({ status: 200 });
    const hook = await createWebhook(ws, `${receiver.url}/ok`);
    expect((await db().webhook.findUniqueOrThrow({ where: { id: hook.id } })).lastSuccessAt).toBeNull();
    await createRecord(ws, "first");
    await receiver.waitFor(1);
    const w = await waitFor("last success", () =>
      db()
        .webhook.findUniqueOrThrow({ where: { id: hook.id } })
        .then((w) => (w.lastSuccessAt ? w : undefined)),
    );
    expect(w.status).toBe("HEALTHY");
    await receiver.close();
  });

  it("PATCH enabled: true goes through the health check, and a refused check keeps the webhook off", async () => {
    const ws = await deliveryWorkspace("patch-enable");
    const receiver = await startReceiver({ status: 500 });
    const hook = await createWebhook(ws, `${receiver.url}/patch`);
    const off = await call(patchWebhookRoute, {
      cookie: ws.owner.cookie,
      params: { id: hook.id },
      body: { enabled: false },
    });
    expect(off.json).toMatchObject({ enabled: false, state: "DISABLED" });
    const refused = await call(patchWebhookRoute, {
      cookie: ws.owner.cookie,
      params: { id: hook.id },
      body: { enabled: true },
    });
    expect(refused.status).toBe(424);
    expect(JSON.parse(receiver.requests[0].body).event).toBe("WEBHOOK_HEALTH_CHECK");
    expect(await db().webhook.findUniqueOrThrow({ where: { id: hook.id } })).toMatchObject({ enabled: false });
    receiver.reply({ status: 200 });
    const on = await call(patchWebhookRoute, {
      cookie: ws.owner.cookie,
      params: { id: hook.id },
      body: { enabled: true, name: "Renamed" },
    });
    expect(on.status).toBe(200);
    expect(on.json).toMatchObject({ enabled: true, name: "Renamed", disabledReason: null });
    await receiver.close();
  });
});
