// Retries due soon are held by the process that recorded the failure (lib/delivery-engine/
// background-sender.ts): leased for their wait and started by a timer, with no lane run. These
// tests show they keep the schedule, that a lost holder loses nothing, and that a held retry
// follows what happened to its webhook meanwhile (disabled, new URL).
import { describe, expect, it } from "vitest";
import { POST as disableRoute } from "@/app/api/v1/webhooks/[id]/disable/route";
import { PATCH as patchWebhookRoute } from "@/app/api/v1/webhooks/[id]/route";
import { db, pool } from "@/lib/db";
import { releaseSlot, takeSlot } from "@/lib/delivery-engine/attempt-slots";
import { handOverHeldRetries, launchAttempts, settleBackgroundAttempts } from "@/lib/delivery-engine/background-sender";
import { relayLaneWakes } from "@/lib/delivery-engine/lanes";
import { waitFor } from "@/tools/inngest-local/test-support";
import { createRecord, createWebhook, deliveryWorkspace, retryingDelivery } from "../helpers/delivery-workspace";
import { call } from "../helpers/http";
import { harnessForThisFile } from "../helpers/inngest";
import { startReceiver } from "../helpers/receiver";

const WAIT_MS = 1_000;
process.env.WEBHOOK_RETRY_SCHEDULE = Array(4).fill(WAIT_MS).join(",");
process.env.WEBHOOK_TIMEOUT_MS = "3000";

harnessForThisFile();

/** The webhook's only delivery once its first attempt failed and its retry is held (leased). */
async function heldDelivery(webhookId: string) {
  try {
    return await waitFor("the first failure recorded and its retry held", () =>
      db()
        .delivery.findFirst({ where: { webhookId, status: "RETRYING", attemptCount: 1, leaseUntil: { not: null } } })
        .then((d) => d ?? undefined),
    );
  } catch (error) {
    // Say what there was instead, so that a failure can be understood from the test output.
    const seen = await db().delivery.findMany({
      where: { webhookId },
      select: { status: true, attemptCount: true, leaseUntil: true, nextAttemptAt: true, lastError: true },
    });
    const lane = await db().deliveryLane.findUnique({ where: { webhookId } });
    throw new Error(
      `${String(error)}; deliveries: ${JSON.stringify(seen)}; lane: ${JSON.stringify(lane, (_k, v) => (typeof v === "bigint" ? String(v) : v))}`,
    );
  }
}

const laneGeneration = (webhookId: string) =>
  db()
    .deliveryLane.findUniqueOrThrow({ where: { webhookId } })
    .then((l) => l.generation);

describe("held retries", () => {
  it("keep the schedule from the end of each failed attempt, with no lane run", async () => {
    const ws = await deliveryWorkspace("held-schedule");
    const receiver = await startReceiver({ status: 500, body: "down" });
    const hook = await createWebhook(ws, `${receiver.url}/down`);
    await createRecord(ws, "held 0");
    const delivery = await heldDelivery(hook.id);
    const before = await laneGeneration(hook.id);
    await waitFor("four attempts recorded", () =>
      db()
        .deliveryAttempt.count({ where: { deliveryId: delivery.id } })
        .then((n) => n >= 4 || undefined),
    );
    // No retry needed its lane: its generation moves only when a lane run is scheduled.
    expect(await laneGeneration(hook.id)).toBe(before);
    await waitFor(
      "the chain to end",
      () =>
        db()
          .delivery.findUnique({ where: { id: delivery.id } })
          .then((d) => (d?.status === "FAILED" ? d : undefined)),
      { timeoutMs: 15_000 },
    );
    const attempts = await db().deliveryAttempt.findMany({
      where: { deliveryId: delivery.id },
      orderBy: { number: "asc" },
    });
    expect(attempts.map((a) => a.number)).toEqual([1, 2, 3, 4, 5]);
    for (let i = 1; i < attempts.length; i++) {
      const previous = attempts[i - 1];
      const waited = attempts[i].startedAt.getTime() - (previous.startedAt.getTime() + previous.latencyMs);
      expect(waited, `wait before attempt ${i + 1}`).toBeGreaterThanOrEqual(WAIT_MS);
      expect(waited, `wait before attempt ${i + 1}`).toBeLessThanOrEqual(WAIT_MS * 1.1);
    }
    await receiver.close();
  }, 30_000);

  it("a retry whose holder is gone is made by its lane once the lease is over, once", async () => {
    const ws = await deliveryWorkspace("held-lost");
    const receiver = await startReceiver({ status: 500, body: "down" });
    const hook = await createWebhook(ws, `${receiver.url}/flaky`);
    await createRecord(ws, "lost 0");
    const delivery = await heldDelivery(hook.id);
    receiver.reply({ status: 200, body: "ok" });
    // The holder died: its lease ran out long ago (its timer, should it fire, finds the delivery
    // no longer its own), and the relay finds the retry overdue.
    await pool().query(
      `UPDATE deliveries SET lease_until = now() AT TIME ZONE 'UTC' - interval '1 second',
              next_attempt_at = now() AT TIME ZONE 'UTC' - interval '2 minutes' WHERE id = $1`,
      [delivery.id],
    );
    expect(await relayLaneWakes()).toBeGreaterThanOrEqual(1);
    await receiver.waitFor(2, 10_000);
    const heldDue = delivery.nextAttemptAt!.getTime();
    await waitFor("the held retry's time to pass", () => Date.now() > heldDue + WAIT_MS || undefined);
    await settleBackgroundAttempts();
    const ended = await db().delivery.findUniqueOrThrow({ where: { id: delivery.id } });
    expect(ended).toMatchObject({ status: "DELIVERED", attemptCount: 2 });
    expect(receiver.requests).toHaveLength(2);
    await receiver.close();
  }, 30_000);

  it("a held retry of a webhook disabled meanwhile is skipped by the disable itself, and never sent", async () => {
    const ws = await deliveryWorkspace("held-disabled");
    const receiver = await startReceiver({ status: 500, body: "down" });
    const hook = await createWebhook(ws, `${receiver.url}/off`);
    await createRecord(ws, "disabled 0");
    const delivery = await heldDelivery(hook.id);
    const res = await call(disableRoute, { method: "POST", cookie: ws.owner.cookie, params: { id: hook.id } });
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    // Skipped in the disabling transaction: no lane run is needed for it.
    const skipped = await db().delivery.findUniqueOrThrow({ where: { id: delivery.id } });
    expect(skipped).toMatchObject({
      status: "SKIPPED",
      attemptCount: 1,
      leaseUntil: null,
      nextAttemptAt: null,
      lastError: "The webhook was disabled",
    });
    // The holder's timer comes and finds the retry no longer its own.
    const heldDue = delivery.nextAttemptAt!.getTime();
    await waitFor("the held retry's time to pass", () => Date.now() > heldDue + WAIT_MS || undefined);
    await settleBackgroundAttempts();
    expect(await db().delivery.findUniqueOrThrow({ where: { id: delivery.id } })).toMatchObject({ status: "SKIPPED" });
    expect(receiver.requests).toHaveLength(1);
    await receiver.close();
  }, 30_000);

  it("a held retry that finds no free slot goes back to its lane, which it wakes only if the lane is not full", async () => {
    const ws = await deliveryWorkspace("held-no-slot");
    const receiver = await startReceiver({ status: 500, body: "down" });
    const hook = await createWebhook(ws, `${receiver.url}/full`);
    const { maxConcurrency } = await db().webhook.findUniqueOrThrow({ where: { id: hook.id } });
    // Every slot of the webhook taken in this process, as by attempts still in flight.
    const slotsTaken = () => {
      takeSlot(hook.id, maxConcurrency);
      return () => releaseSlot(hook.id, maxConcurrency);
    };
    const givenBack = (id: string) =>
      waitFor("the held retry given back", () =>
        db()
          .delivery.findUnique({ where: { id } })
          .then((d) => (d?.status === "RETRYING" && d.leaseUntil === null ? d : undefined)),
      );

    // A full lane (its last pump left due work for want of a slot): not woken — its next finished
    // attempt wakes it.
    await createRecord(ws, "full 0");
    const first = await heldDelivery(hook.id);
    await pool().query("UPDATE delivery_lanes SET saturated = true WHERE webhook_id = $1", [hook.id]);
    const full = await laneGeneration(hook.id);
    let release = slotsTaken();
    try {
      await givenBack(first.id);
    } finally {
      release();
    }
    expect(await laneGeneration(hook.id)).toBe(full);
    expect(receiver.requests).toHaveLength(1);

    // A lane not known to be full: woken, so that it looks (and is marked full if it is).
    await pool().query("UPDATE deliveries SET status = 'SKIPPED', next_attempt_at = NULL WHERE id = $1", [first.id]);
    await pool().query("UPDATE delivery_lanes SET saturated = false WHERE webhook_id = $1", [hook.id]);
    await createRecord(ws, "full 1");
    const second = await waitFor("the second delivery's retry held", () =>
      db()
        .delivery.findFirst({ where: { webhookId: hook.id, status: "RETRYING", leaseUntil: { not: null } } })
        .then((d) => d ?? undefined),
    );
    const open = await laneGeneration(hook.id);
    release = slotsTaken();
    try {
      await givenBack(second.id);
      await waitFor("the lane woken", () => laneGeneration(hook.id).then((g) => g > open || undefined));
    } finally {
      release();
    }
    await receiver.close();
  }, 30_000);

  it("a stopping process hands its held retries to their lanes, which send them on time", async () => {
    const ws = await deliveryWorkspace("held-handover");
    const receiver = await startReceiver({ status: 500, body: "down" });
    const hook = await createWebhook(ws, `${receiver.url}/handover`);
    await createRecord(ws, "handover 0");
    const delivery = await heldDelivery(hook.id);
    const generation = await laneGeneration(hook.id);
    receiver.reply({ status: 200, body: "ok" });
    await handOverHeldRetries();
    const released = await db().delivery.findUniqueOrThrow({ where: { id: delivery.id } });
    expect(released.leaseUntil).toBeNull();
    expect(released.nextAttemptAt).toEqual(delivery.nextAttemptAt);
    expect(await laneGeneration(hook.id)).toBeGreaterThan(generation);
    await receiver.waitFor(2, 10_000);
    expect(receiver.requests[1].at).toBeGreaterThanOrEqual(delivery.nextAttemptAt!.getTime());
    await waitFor("the retry delivered by the lane", () =>
      db()
        .delivery.findUnique({ where: { id: delivery.id } })
        .then((d) => (d?.status === "DELIVERED" ? d : undefined)),
    );
    expect(receiver.requests).toHaveLength(2);
    await receiver.close();
  }, 30_000);

  it("a held retry goes to the webhook's URL as it is when the retry starts", async () => {
    const ws = await deliveryWorkspace("held-moved");
    const old = await startReceiver({ status: 500, body: "down" });
    const moved = await startReceiver({ status: 200, body: "ok" });
    const hook = await createWebhook(ws, `${old.url}/old`);
    await createRecord(ws, "moved 0");
    const delivery = await heldDelivery(hook.id);
    const res = await call(patchWebhookRoute, {
      method: "PATCH",
      cookie: ws.owner.cookie,
      params: { id: hook.id },
      body: { url: `${moved.url}/new` },
    });
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    await moved.waitFor(1, 10_000);
    expect(moved.requests[0].headers["webhook-id"]).toBe(delivery.messageId);
    expect(old.requests).toHaveLength(1);
    await Promise.all([old.close(), moved.close()]);
  }, 30_000);
  it("failed attempts that end within GATHER_FAILURES_MS of each other are recorded in one transaction", async () => {
    const ws = await deliveryWorkspace("held-gathered");
    const receiver = await startReceiver({ status: 500, body: "down" });
    const hook = await createWebhook(ws, `${receiver.url}/gathered`);
    // Five retries a lane claimed (leased to this process), sent at once to a failing receiver.
    const lease = new Date(Date.now() + 60_000);
    const deliveries = await Promise.all(
      [0, 1, 2, 3, 4].map((i) => retryingDelivery(hook.id, `gathered ${i}`, new Date(), lease)),
    );
    launchAttempts(
      deliveries.map((d) => ({
        delivery: { ...d, url: hook.url, kind: "event" as const, chainLast: 5 },
        secrets: ["whsec_test"],
        number: 2,
        trigger: "auto" as const,
      })),
    );
    await receiver.waitFor(5);
    await settleBackgroundAttempts();
    const { rows } = await pool().query<{ attempts: number; transactions: number }>(
      `SELECT count(*)::int AS attempts, count(DISTINCT xmin::text)::int AS transactions
         FROM delivery_attempts WHERE delivery_id = ANY($1::text[])`,
      [deliveries.map((d) => d.id)],
    );
    // Without the gathering, the first failure was written alone and the others after it.
    expect(rows[0]).toEqual({ attempts: 5, transactions: 1 });
    await receiver.close();
  }, 30_000);
});
