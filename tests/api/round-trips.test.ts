// Round trips to PostgreSQL per request on the hottest mutation. Under load every round trip waits
// for a database backend to be scheduled, so their number, not only their cost, sets the API's
// tail latency (see the README's delivery figures). Counted on the real pg client.
import { afterAll, expect, it, vi } from "vitest";
import { GET as me } from "@/app/api/v1/me/route";
import { POST as createList } from "@/app/api/v1/projects/[projectId]/lists/route";
import { POST as createTodo } from "@/app/api/v1/projects/[projectId]/todos/route";
import { SESSION_RECHECK_MS } from "@/lib/auth/sessions/active-session";
import { db } from "@/lib/db";
import { settleBackgroundAttempts } from "@/lib/delivery-engine/background-sender";
import { fanOutEvent } from "@/lib/delivery-engine/fan-out";
import { settlePublishing } from "@/lib/events/publish-events";
import { createRecord, createWebhook, deliveryWorkspace } from "../helpers/delivery-workspace";
import { call, signUp } from "../helpers/http";
import { startReceiver } from "../helpers/receiver";
import { statementsDuring } from "../helpers/statements";
import { createWorkspace } from "../helpers/workspace";

afterAll(settlePublishing);

it("creating a record takes 7 statements: BEGIN, access, list, insert, value, event, COMMIT", async () => {
  const ws = await createWorkspace("round-trips");
  const { cookie } = ws.owner;
  const params = { projectId: ws.project.id };
  const list = await call(createList, { cookie, params, body: { title: "Doing" } });
  let status = 0;
  const statements = await statementsDuring(async () => {
    status = (await call(createTodo, { cookie, params, body: { todoListId: list.json.id, title: "T" } })).status;
  });
  expect(status).toBe(201);
  // The session (with its user) was checked by the request before, seconds ago: no statement.
  expect(statements).toEqual([
    "BEGIN",
    "SELECT m.role::text AS",
    "SELECT l.project_id AS",
    'INSERT INTO "public"."todos"',
    "SELECT json_build_object( 'id',",
    "INSERT INTO events",
    "COMMIT",
  ]);
});

it("checking a session costs one statement, at most once per process every few seconds", async () => {
  vi.useFakeTimers({ toFake: ["Date"] });
  try {
    const { cookie } = await signUp("session-check");
    const first = await statementsDuring(() => call(me, { cookie }));
    expect(first).toHaveLength(1);
    expect(first[0]).toBe("SELECT s.id, s.user_id,");
    expect(await statementsDuring(() => call(me, { cookie }))).toEqual([]);
    vi.setSystemTime(Date.now() + SESSION_RECHECK_MS);
    expect(await statementsDuring(() => call(me, { cookie }))).toHaveLength(1);
  } finally {
    vi.useRealTimers();
  }
});

it("a fan-out whose attempts all succeed inline writes them with its deliveries, in one statement", async () => {
  const ws = await deliveryWorkspace("round-trips-fan-out");
  const receiver = await startReceiver({ status: 200 });
  await createWebhook(ws, `${receiver.url}/a`);
  await createWebhook(ws, `${receiver.url}/b`);
  await createRecord(ws, "counted");
  const event = await db().event.findFirstOrThrow({ where: { projectId: ws.project.id, type: "TODO_CREATED" } });
  const statements = await statementsDuring(() => fanOutEvent(event.id));
  await settleBackgroundAttempts();
  // Its own statement inserted them (before, recordAttempts inserted them in one more round trip).
  expect(statements.filter((s) => s.startsWith("INSERT INTO delivery_attempts"))).toEqual([]);
  const attempts = await db().deliveryAttempt.findMany({ where: { delivery: { eventId: event.id } } });
  expect(attempts.map((a) => [a.number, a.ok, a.responseStatus])).toEqual([
    [1, true, 200],
    [1, true, 200],
  ]);
  const deliveries = await db().delivery.findMany({ where: { eventId: event.id } });
  expect(deliveries.map((d) => [d.status, d.attemptCount])).toEqual([
    ["DELIVERED", 1],
    ["DELIVERED", 1],
  ]);
  expect(receiver.requests).toHaveLength(2);
  await receiver.close();
});
