// A workspace of its own for a delivery test (so no other test's webhook matches its events):
// a user owning a project with a list, webhooks created through the API, records that emit events.
import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import { POST as createList } from "@/app/api/v1/projects/[projectId]/lists/route";
import { POST as createTodo } from "@/app/api/v1/projects/[projectId]/todos/route";
import { POST as createWebhookRoute } from "@/app/api/v1/webhooks/route";
import { db } from "@/lib/db";
import { settlePublishing } from "@/lib/events/publish-events";
import { call } from "./http";
import { createWorkspace } from "./workspace";

export async function deliveryWorkspace(label: string) {
  const ws = await createWorkspace(label);
  const list = await call(createList, {
    cookie: ws.owner.cookie,
    params: { projectId: ws.project.id },
    body: { title: "Inbox" },
  });
  return { ...ws, listId: list.json.id as string };
}
export type DeliveryWorkspace = Awaited<ReturnType<typeof deliveryWorkspace>>;

/** A webhook on the workspace's project for TODO_CREATED, unless `body` says otherwise. */
export async function createWebhook(ws: DeliveryWorkspace, url: string, body: Record<string, unknown> = {}) {
  const res = await call(createWebhookRoute, {
    cookie: ws.owner.cookie,
    body: { name: "Receiver", url, events: ["TODO_CREATED"], projectIds: [ws.project.id], ...body },
  });
  expect(res.status, JSON.stringify(res.json)).toBe(201);
  return res.json as { id: string; url: string };
}

/** A new record (a TODO_CREATED event), handed to Inngest before this returns. */
export async function createRecord(ws: DeliveryWorkspace, title: string) {
  const res = await call(createTodo, {
    cookie: ws.owner.cookie,
    params: { projectId: ws.project.id },
    body: { todoListId: ws.listId, title },
  });
  expect(res.status, JSON.stringify(res.json)).toBe(201);
  await settlePublishing();
  return res.json as { id: string };
}

/**
 * A TODO_CREATED delivery written directly, waiting for its second attempt (RETRYING after one):
 * due at `due`, leased until `leaseUntil` — as a lane or a recorder finds one. `name` goes in its body.
 */
export function retryingDelivery(webhookId: string, name: string, due: Date, leaseUntil: Date) {
  return db().delivery.create({
    data: {
      webhookId,
      eventType: "TODO_CREATED",
      messageId: `msg_${randomUUID()}`,
      body: JSON.stringify({ event: "TODO_CREATED", name }),
      status: "RETRYING",
      attemptCount: 1,
      nextAttemptAt: due,
      leaseUntil,
    },
  });
}
