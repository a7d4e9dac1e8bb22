// The delivery log API: filters, keyset pages that neither skip nor repeat while deliveries
// arrive, attempt detail, the per-event trace, and clear 4xx for bad filters and cursors.
import { beforeAll, describe, expect, it } from "vitest";
import { GET as getDelivery } from "@/app/api/v1/deliveries/[id]/route";
import { GET as trace } from "@/app/api/v1/events/[id]/trace/route";
import { POST as createList } from "@/app/api/v1/projects/[projectId]/lists/route";
import { POST as createTodo } from "@/app/api/v1/projects/[projectId]/todos/route";
import { POST as createComment } from "@/app/api/v1/todos/[id]/comments/route";
import { GET as todoEvents } from "@/app/api/v1/todos/[id]/events/route";
import { PATCH as patchTodo } from "@/app/api/v1/todos/[id]/route";
import { GET as listDeliveries } from "@/app/api/v1/webhooks/[id]/deliveries/route";
import { POST as createWebhookRoute } from "@/app/api/v1/webhooks/route";
import { db } from "@/lib/db";
import { call } from "../helpers/http";
import { createWorkspace } from "../helpers/workspace";

let ws: Awaited<ReturnType<typeof createWorkspace>>;
let webhookId: string;

async function seedDeliveries(n: number, status: "DELIVERED" | "FAILED", eventType = "TODO_CREATED", from = 0) {
  const base = Date.now() - 3_600_000;
  await db().delivery.createMany({
    data: Array.from({ length: n }, (_, i) => ({
      webhookId,
      eventType,
      messageId: `msg_log_${webhookId}_${status}_${from + i}`,
      body: "{}",
      status,
      attemptCount: 1,
      projectId: ws.project.id,
      // Pairs share a timestamp so the id tie-break is exercised.
      createdAt: new Date(base + Math.floor((from + i) / 2) * 1000),
    })),
  });
}

beforeAll(async () => {
  ws = await createWorkspace("log");
  const res = await call(createWebhookRoute, {
    cookie: ws.owner.cookie,
    body: { name: "Log", url: "http://127.0.0.1:9/log" },
  });
  webhookId = res.json.id;
  await seedDeliveries(30, "DELIVERED");
  await seedDeliveries(7, "FAILED", "COMMENT_CREATED", 100);
});

const list = (query: string) =>
  call(listDeliveries, {
    cookie: ws.owner.cookie,
    params: { id: webhookId },
    path: `/api/v1/webhooks/x/deliveries?${query}`,
  });

describe("delivery log", () => {
  it("pages newest first without skipping or repeating rows, even as new deliveries arrive", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await list(`limit=10${cursor ? `&cursor=${cursor}` : ""}`);
      expect(res.status).toBe(200);
      seen.push(...res.json.data.map((d: { id: string }) => d.id));
      cursor = res.json.nextCursor;
      if (pages === 0) await seedDeliveries(5, "DELIVERED", "TODO_CREATED", 1000);
      pages++;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toHaveLength(37);
    // The late rows are told apart in JavaScript: a LIKE pattern such as "_1000" also matched
    // webhook ids that happen to hold "1000" ("_" is LIKE's any-character wildcard).
    const all = await db().delivery.findMany({
      where: { webhookId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: { id: true, messageId: true },
    });
    const early = all.filter((d) => Number(d.messageId.split("_").at(-1)) < 1000);
    expect(early).toHaveLength(37);
    expect(seen).toEqual(early.map((d) => d.id));
  });

  it("filters by status, event type and time range", async () => {
    const failed = await list("status=FAILED&limit=100");
    expect(failed.json.data).toHaveLength(7);
    expect(failed.json.data.every((d: { eventType: string }) => d.eventType === "COMMENT_CREATED")).toBe(true);
    const both = await list("eventType=COMMENT_CREATED,TODO_CREATED&limit=100");
    expect(both.json.data.length).toBeGreaterThanOrEqual(37);
    const none = await list(`until=${new Date(Date.now() - 7_200_000).toISOString()}`);
    expect(none.json.data).toEqual([]);
  });

  it.each([
    ["status=LOST", "status.0"],
    ["eventType=NOPE", "eventType.0"],
    ["since=yesterday", "since"],
    ["limit=1000", "limit"],
    ["cursor=garbage", "cursor"],
    ["sort=asc", "sort"],
  ])("answers 422 for %s, naming %s", async (query, field) => {
    const res = await list(query);
    expect(res.status).toBe(422);
    expect(Object.keys(res.json.error.fields)).toContain(field);
  });

  it("shows one delivery with its attempts to its creator only", async () => {
    const [row] = await db().delivery.findMany({ where: { webhookId }, take: 1 });
    await db().deliveryAttempt.create({
      data: {
        deliveryId: row.id,
        webhookId,
        number: 1,
        trigger: "auto",
        startedAt: new Date(),
        ok: false,
        latencyMs: 12,
        requestHeaders: { "webhook-id": row.messageId },
        responseStatus: 500,
        responseBody: "boom",
        errorClass: "http_status",
      },
    });
    const res = await call(getDelivery, { cookie: ws.owner.cookie, params: { id: row.id } });
    expect(res.status).toBe(200);
    expect(res.json.attempts).toEqual([
      expect.objectContaining({ number: 1, responseStatus: 500, responseBody: "boom", errorClass: "http_status" }),
    ]);
    const stranger = await createWorkspace("nosy");
    expect((await call(getDelivery, { cookie: stranger.owner.cookie, params: { id: row.id } })).status).toBe(404);
    expect((await call(listDeliveries, { cookie: stranger.owner.cookie, params: { id: webhookId } })).status).toBe(404);
  });

  it("explains, per webhook, why an event was or was not delivered", async () => {
    const event = await db().event.create({
      data: {
        id: crypto.randomUUID(),
        type: "TODO_DELETED",
        companyId: ws.project.companyId,
        projectId: ws.project.id,
        projectIds: [ws.project.id],
      },
    });
    await db().eventTrace.create({ data: { eventId: event.id, webhookId, outcome: "EVENT_NOT_SELECTED" } });
    const res = await call(trace, { cookie: ws.owner.cookie, params: { id: event.id } });
    expect(res.status).toBe(200);
    expect(res.json.webhooks).toEqual([
      expect.objectContaining({
        webhookId,
        outcome: "EVENT_NOT_SELECTED",
        explanation: "The webhook does not subscribe to this event type",
      }),
    ]);
    const stranger = await createWorkspace("outsider");
    expect((await call(trace, { cookie: stranger.owner.cookie, params: { id: event.id } })).status).toBe(404);
  });

  it("lists a record's history, including its comments, for project members only", async () => {
    const cookie = ws.owner.cookie;
    const list = (await call(createList, { cookie, params: { projectId: ws.project.id }, body: { title: "H" } })).json;
    const todo = (
      await call(createTodo, {
        cookie,
        params: { projectId: ws.project.id },
        body: { todoListId: list.id, title: "Hist" },
      })
    ).json;
    await call(patchTodo, { method: "PATCH", cookie, params: { id: todo.id }, body: { done: true } });
    await call(createComment, { cookie, params: { id: todo.id }, body: { text: "done!" } });
    const res = await call(todoEvents, { cookie, params: { id: todo.id } });
    expect(res.status).toBe(200);
    expect(res.json.data.map((e: { type: string }) => e.type)).toEqual([
      "COMMENT_CREATED",
      "TODO_DONE_STATUS_UPDATED",
      "TODO_CREATED",
    ]);
    const stranger = await createWorkspace("history-stranger");
    expect((await call(todoEvents, { cookie: stranger.owner.cookie, params: { id: todo.id } })).status).toBe(404);
  });
});
