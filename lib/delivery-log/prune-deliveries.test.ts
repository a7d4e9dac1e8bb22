import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../db";
import { pruneDeliveries } from "./prune-deliveries";

const DAY = 86_400_000;
let webhookId: string;

async function delivery(ageDays: number, status: "DELIVERED" | "RETRYING") {
  const at = new Date(Date.now() - ageDays * DAY);
  const d = await db().delivery.create({
    data: {
      webhookId,
      eventType: "TODO_CREATED",
      messageId: `msg_prune_${randomUUID()}`,
      body: "{}",
      status,
      createdAt: at,
    },
  });
  await db().deliveryAttempt.create({
    data: {
      deliveryId: d.id,
      webhookId,
      number: 1,
      trigger: "auto",
      startedAt: at,
      ok: true,
      latencyMs: 1,
      requestHeaders: {},
    },
  });
  return d.id;
}

beforeAll(async () => {
  const user = await db().user.create({
    data: { email: `prune-${randomUUID()}@example.test`, name: "P", passwordHash: "x" },
  });
  const w = await db().webhook.create({
    data: {
      uid: `wh_prune_${randomUUID()}`,
      name: "p",
      url: "http://127.0.0.1:9/",
      secretEncrypted: "v1:a:b:c",
      createdById: user.id,
    },
  });
  webhookId = w.id;
});

describe("pruneDeliveries", () => {
  it("deletes finished deliveries and attempts older than the window, in batches, and keeps the rest", async () => {
    const old = await Promise.all(Array.from({ length: 5 }, () => delivery(40, "DELIVERED")));
    const recent = await delivery(2, "DELIVERED");
    const stillRetrying = await delivery(40, "RETRYING");
    const result = await pruneDeliveries(new Date(), 10_000, 2);
    expect(result.deliveries).toBeGreaterThanOrEqual(5);
    expect(result.more).toBe(false);
    const left = await db().delivery.findMany({ where: { webhookId }, select: { id: true } });
    expect(left.map((d) => d.id).sort()).toEqual([recent, stillRetrying].sort());
    expect(await db().deliveryAttempt.count({ where: { deliveryId: { in: old } } })).toBe(0);
    expect(await db().deliveryAttempt.count({ where: { deliveryId: recent } })).toBe(1);
  });
});
