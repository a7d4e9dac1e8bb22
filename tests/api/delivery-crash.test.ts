// No event is lost, and none is delivered with two different webhook-ids, when the process that
// serves the Inngest functions is killed in the middle of deliveries and started again.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as createList } from "@/app/api/v1/projects/[projectId]/lists/route";
import { POST as createTodo } from "@/app/api/v1/projects/[projectId]/todos/route";
import { POST as createWebhookRoute } from "@/app/api/v1/webhooks/route";
import { db } from "@/lib/db";
import { settlePublishing } from "@/lib/events/publish-events";
import { type InngestLocal, startInngestLocal } from "@/tools/inngest-local";
import { dropSchema, uniqueSchema, waitFor } from "@/tools/inngest-local/test-support";
import { type AppChild, startAppChild } from "../helpers/app-child";
import { call } from "../helpers/http";
import { startReceiver } from "../helpers/receiver";
import { createWorkspace } from "../helpers/workspace";

const schema = uniqueSchema("crash");
let server: InngestLocal;
let app: AppChild | undefined;

beforeAll(async () => {
  app = await startAppChild({ WEBHOOK_RETRY_SCHEDULE: "10,10,10,10" });
  server = await startInngestLocal({
    databaseUrl: process.env.DATABASE_URL!,
    port: Number(new URL(process.env.INNGEST_DEV!).port),
    schema,
    // A tenth of Inngest's real backoff (1.5 s, 3 s, 6 s…): long enough for the app to come back.
    backoffScale: 0.1,
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

describe("a crash during deliveries", () => {
  it("delivers every event to every webhook, always under one webhook-id per delivery", async () => {
    const receiver = await startReceiver({ status: 200, delayMs: 150 });
    const ws = await createWorkspace("crash");
    const listId = (
      await call(createList, { cookie: ws.owner.cookie, params: { projectId: ws.project.id }, body: { title: "L" } })
    ).json.id;
    const hooks: string[] = [];
    for (const name of ["a", "b", "c"]) {
      const res = await call(createWebhookRoute, {
        cookie: ws.owner.cookie,
        body: { name, url: `${receiver.url}/${name}`, events: ["TODO_CREATED"], projectIds: [ws.project.id] },
      });
      hooks.push(res.json.id as string);
    }
    for (let i = 0; i < 6; i++) {
      await call(createTodo, {
        cookie: ws.owner.cookie,
        params: { projectId: ws.project.id },
        body: { todoListId: listId, title: `T${i}` },
      });
    }
    await settlePublishing();

    await receiver.waitFor(1);
    await app?.killAndRestart();

    const expected = 6 * hooks.length;
    const delivered = await waitFor(
      "every delivery",
      async () => {
        const rows = await db().delivery.findMany({ where: { webhookId: { in: hooks }, status: "DELIVERED" } });
        return rows.length === expected ? rows : undefined;
      },
      { timeoutMs: 45_000, intervalMs: 200 },
    ).catch(async (e) => {
      const rows = await db().delivery.groupBy({ by: ["status"], where: { webhookId: { in: hooks } }, _count: true });
      const runs = await (await fetch(`${server.url}/v1/runs?limit=100`)).json();
      console.error(
        "state when the wait timed out:",
        JSON.stringify(rows),
        receiver.requests.length,
        JSON.stringify(
          runs.data.map((r: { functionId: string; status: string; error: unknown }) => [
            r.functionId,
            r.status,
            r.error,
          ]),
        ),
      );
      throw e;
    });
    const byMessage = new Map<string, Set<string>>();
    for (const r of receiver.requests) {
      const body = JSON.parse(r.body);
      const key = `${body.id}:${body.webhook.id}`;
      if (!byMessage.has(key)) byMessage.set(key, new Set());
      byMessage.get(key)!.add(String(r.headers["webhook-id"]));
    }
    expect(byMessage.size).toBe(expected);
    for (const ids of byMessage.values()) expect(ids.size).toBe(1);
    expect(new Set(delivered.map((d) => d.messageId)).size).toBe(expected);
    await receiver.close();
  }, 60_000);
});
