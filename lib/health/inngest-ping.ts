// The Inngest smoke check: a ping row, an event through Inngest, a function that completes it.
import { randomUUID } from "node:crypto";
import { inngest } from "@/inngest/client";
import { systemPing } from "@/inngest/events";
import { db } from "../db";

export async function sendPing() {
  const ping = await db().systemPing.create({ data: { id: randomUUID() } });
  await inngest.send({ id: `ping-${ping.id}`, name: systemPing.event, data: { pingId: ping.id } });
  return ping;
}

export async function completePing(pingId: string) {
  const ping = await db().systemPing.update({ where: { id: pingId }, data: { completedAt: new Date() } });
  return { pingId: ping.id, roundTripMs: ping.completedAt!.getTime() - ping.sentAt.getTime() };
}

export async function getPing(pingId: string) {
  return db().systemPing.findUnique({ where: { id: pingId } });
}
