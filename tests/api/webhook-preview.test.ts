// The preview of a webhook before it is saved (POST /webhooks/preview) over events made through
// the real API: counts and examples follow the conditions, a comment's rules read its record as it
// is now, events carrying no field a rule reads are misses, only the caller's projects are read
// (another user's never appear, and naming one is refused), the window and the 10,000-event bound
// hold, a record moved out of a selected project still counts there, and bad input is refused
// naming the field.
// Then "send test" with a real recent event: its stored payload goes out, only if the webhook
// would have sent it; other events are refused naming eventId.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as createListRoute } from "@/app/api/v1/projects/[projectId]/lists/route";
import { POST as createTagRoute } from "@/app/api/v1/projects/[projectId]/tags/route";
import { POST as createTodoRoute } from "@/app/api/v1/projects/[projectId]/todos/route";
import { POST as commentRoute } from "@/app/api/v1/todos/[id]/comments/route";
import { POST as moveRoute } from "@/app/api/v1/todos/[id]/move/route";
import { PATCH as updateTodoRoute } from "@/app/api/v1/todos/[id]/route";
import { POST as testRoute } from "@/app/api/v1/webhooks/[id]/test/route";
import { POST as previewRoute } from "@/app/api/v1/webhooks/preview/route";
import { POST as createWebhookRoute } from "@/app/api/v1/webhooks/route";
import { db, pool } from "@/lib/db";
import { settlePublishing } from "@/lib/events/publish-events";
import { PREVIEW_EVENT_LIMIT } from "@/lib/validations/webhook-preview";
import { call } from "../helpers/http";
import { startReceiver } from "../helpers/receiver";
import { createWorkspace, eventsBy } from "../helpers/workspace";

afterAll(settlePublishing);

type Workspace = Awaited<ReturnType<typeof createWorkspace>>;

async function post(cookie: string, route: Parameters<typeof call>[0], params: Record<string, string>, body: unknown) {
  const res = await call(route, { cookie, params, body });
  if (res.status >= 300) throw new Error(`${res.status} ${JSON.stringify(res.json)}`);
  return res.json;
}

/** A board with Doing and Done, an "urgent" tag, and records moved into Done (one of them urgent). */
async function board(ws: Workspace, prefix: string) {
  const { cookie } = ws.owner;
  const projectId = ws.project.id;
  const doing = await post(cookie, createListRoute, { projectId }, { title: "Doing" });
  const done = await post(cookie, createListRoute, { projectId }, { title: "Done" });
  const urgent = await post(cookie, createTagRoute, { projectId }, { title: "urgent", color: "#e5484d" });
  const todo = (title: string, tagIds: string[] = []) =>
    post(cookie, createTodoRoute, { projectId }, { todoListId: doing.id, title: `${prefix} ${title}`, tagIds });
  const urgentOne = await todo("urgent one", [urgent.id]);
  const calmOne = await todo("calm one");
  const stays = await todo("stays");
  for (const t of [calmOne, urgentOne]) await post(cookie, moveRoute, { id: t.id }, { todoListId: done.id });
  return { doing, done, urgent, urgentOne, calmOne, stays };
}

const preview = (cookie: string, body: unknown) => call(previewRoute, { cookie, body });

const movedIntoDoneAndUrgent = (doneId: string, urgentId: string) => ({
  match: "all",
  rules: [
    { field: "record.list", operator: "$changedTo", value: doneId },
    { field: "record.tags", operator: "$contains", value: urgentId },
  ],
});

let mine: Workspace;
let theirs: Workspace;
let myBoard: Awaited<ReturnType<typeof board>>;
let theirBoard: Awaited<ReturnType<typeof board>>;

beforeAll(async () => {
  mine = await createWorkspace("preview-mine");
  theirs = await createWorkspace("preview-theirs");
  myBoard = await board(mine, "Mine");
  theirBoard = await board(theirs, "Theirs");
});

describe("POST /webhooks/preview", () => {
  it("counts the events the conditions hold for, with examples, misses and each rule's result", async () => {
    const res = await preview(mine.owner.cookie, {
      events: ["TODO_MOVED"],
      projectIds: [mine.project.id],
      conditions: movedIntoDoneAndUrgent(myBoard.done.id, myBoard.urgent.id),
    });
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    expect(res.json).toMatchObject({ considered: 2, matched: 1, capped: false });
    expect(res.json.examples).toEqual([
      {
        eventId: expect.any(String),
        type: "TODO_MOVED",
        occurredAt: expect.any(String),
        projectId: mine.project.id,
        projectName: mine.project.name,
        record: { id: myBoard.urgentOne.id, title: "Mine urgent one" },
        results: [
          { path: "rules[0]", passed: true },
          { path: "rules[1]", passed: true },
        ],
      },
    ]);
    expect(res.json.misses).toEqual([
      expect.objectContaining({
        record: { id: myBoard.calmOne.id, title: "Mine calm one" },
        results: [
          { path: "rules[0]", passed: true },
          { path: "rules[1]", passed: false },
        ],
      }),
    ]);
    const window = Date.parse(res.json.to) - Date.parse(res.json.from);
    expect(window).toBe(7 * 86_400_000);
  });

  it("reads a comment's record as it is now for rules on the record", async () => {
    const { cookie } = mine.owner;
    await post(cookie, commentRoute, { id: myBoard.urgentOne.id }, { text: "On the urgent one" });
    await post(cookie, commentRoute, { id: myBoard.stays.id }, { text: "On the one that stays" });
    const res = await preview(cookie, {
      events: ["COMMENT_CREATED"],
      projectIds: [mine.project.id],
      conditions: { match: "all", rules: [{ field: "record.tags", operator: "$contains", value: myBoard.urgent.id }] },
    });
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    expect(res.json).toMatchObject({ considered: 2, matched: 1 });
    expect(res.json.examples.map((e: { record: { id: string } }) => e.record.id)).toEqual([myBoard.urgentOne.id]);
    expect(res.json.misses.map((e: { record: { id: string } }) => e.record.id)).toEqual([myBoard.stays.id]);
  });

  it("over every event type: events that carry no field a rule reads are misses, with the rule failing", async () => {
    const res = await preview(mine.owner.cookie, {
      projectIds: [mine.project.id],
      conditions: { match: "all", rules: [{ field: "record.tags", operator: "$contains", value: myBoard.urgent.id }] },
    });
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    // Two lists, a tag, three records, two moves, two comments; the urgent record's creation, move and comment match.
    expect(res.json).toMatchObject({ considered: 10, matched: 3 });
    expect(res.json.examples.map((e: { type: string }) => e.type)).toEqual([
      "COMMENT_CREATED",
      "TODO_MOVED",
      "TODO_CREATED",
    ]);
    expect(res.json.misses.map((e: { type: string }) => e.type)).toEqual([
      "COMMENT_CREATED",
      "TODO_MOVED",
      "TODO_CREATED",
      "TODO_CREATED",
      "TAG_CREATED",
    ]);
    expect(res.json.misses.at(-1)).toMatchObject({ record: null, results: [{ path: "rules[0]", passed: false }] });
  });

  it("without conditions counts every selected event of the caller's projects, and never another user's", async () => {
    const res = await preview(mine.owner.cookie, { allProjects: true, conditions: null });
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    const stored = await db().event.count({
      where: { projectId: { in: [mine.project.id, mine.otherProject.id] } },
    });
    expect(stored).toBeGreaterThan(5);
    expect(res.json).toMatchObject({ considered: stored, matched: stored, capped: false });
    expect(res.json.examples).toHaveLength(Math.min(20, stored));
    expect(res.json.misses).toEqual([]);
    const shown = JSON.stringify(res.json);
    expect(shown).not.toContain(theirs.project.id);
    expect(shown).not.toContain("Theirs");
    // Most recent first.
    const times = res.json.examples.map((e: { occurredAt: string }) => Date.parse(e.occurredAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it("reads a record's move out of a selected project into another one (once), but not what happens to it there", async () => {
    const ws = await createWorkspace("preview-moved-out");
    const { cookie } = ws.owner;
    const here = await post(cookie, createListRoute, { projectId: ws.project.id }, { title: "Here" });
    const there = await post(cookie, createListRoute, { projectId: ws.otherProject.id }, { title: "There" });
    const leaving = await post(
      cookie,
      createTodoRoute,
      { projectId: ws.project.id },
      { todoListId: here.id, title: "Leaving" },
    );
    await post(cookie, moveRoute, { id: leaving.id }, { todoListId: there.id });
    const renamed = await call(updateTodoRoute, { cookie, params: { id: leaving.id }, body: { title: "Gone" } });
    expect(renamed.status, JSON.stringify(renamed.json)).toBe(200);
    const movedOut = {
      events: ["TODO_MOVED"],
      conditions: { match: "all", rules: [{ field: "record.list", operator: "$changedFrom", value: here.id }] },
    };

    // The webhook of the first project alone would receive the move (it happened in both projects).
    const res = await preview(cookie, { ...movedOut, projectIds: [ws.project.id] });
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    expect(res.json).toMatchObject({ considered: 1, matched: 1 });
    expect(res.json.examples).toEqual([
      expect.objectContaining({
        type: "TODO_MOVED",
        projectId: ws.project.id,
        projectName: ws.project.name,
        record: { id: leaving.id, title: "Leaving" },
        results: [{ path: "rules[0]", passed: true }],
      }),
    ]);
    const both = await preview(cookie, { ...movedOut, projectIds: [ws.project.id, ws.otherProject.id] });
    expect(both.json).toMatchObject({ considered: 1, matched: 1 });

    // Of every event type: its creation and its move happened in the first project, its rename in the other.
    const all = await preview(cookie, { projectIds: [ws.project.id], conditions: null });
    const types = all.json.examples.map((e: { type: string }) => e.type);
    expect(types).toEqual(["TODO_MOVED", "TODO_CREATED", "TODO_LIST_CREATED"]);
  });

  it("refuses another user's project, naming the field and revealing nothing of it", async () => {
    const res = await preview(mine.owner.cookie, {
      events: ["TODO_MOVED"],
      projectIds: [theirs.project.id],
      conditions: movedIntoDoneAndUrgent(theirBoard.done.id, theirBoard.urgent.id),
    });
    expect(res.status).toBe(422);
    expect(Object.keys(res.json.error.fields)).toEqual(["projectIds"]);
    expect(JSON.stringify(res.json)).not.toContain("Theirs");
  });

  it("reads only the window of days asked for", async () => {
    const old = await db().event.create({
      data: {
        id: randomUUID(),
        type: "TODO_MOVED",
        companyId: mine.project.companyId,
        projectId: mine.project.id,
        projectIds: [mine.project.id],
        occurredAt: new Date(Date.now() - 10 * 86_400_000),
      },
    });
    const body = { events: ["TODO_MOVED"], projectIds: [mine.project.id], conditions: null };
    const week = await preview(mine.owner.cookie, body);
    const month = await preview(mine.owner.cookie, { ...body, days: 30 });
    expect(week.json.considered).toBe(2);
    expect(month.json.considered).toBe(3);
    expect(month.json.examples.map((e: { eventId: string }) => e.eventId)).toContain(old.id);
    expect(week.json.examples.map((e: { eventId: string }) => e.eventId)).not.toContain(old.id);
  });

  it(`reads at most the ${PREVIEW_EVENT_LIMIT.toLocaleString("en")} most recent events, and says so`, async () => {
    const ws = await createWorkspace("preview-busy");
    const over = 50;
    // The oldest are an hour older than the rest: those are the ones left out.
    await pool().query(
      `INSERT INTO events (id, type, company_id, project_id, project_ids, occurred_at, current_value)
       SELECT 'busy-' || $1::text || '-' || g, 'TODO_CREATED', $2::text, $3::text, ARRAY[$3::text],
              (now() AT TIME ZONE 'UTC') - make_interval(secs => g) - CASE WHEN g > $4::int THEN interval '1 hour' ELSE interval '0' END,
              jsonb_build_object('id', 'rec-' || g, 'title', 'Record ' || g, 'todoList', jsonb_build_object('id', 'l'))
         FROM generate_series(1, $4::int + $5::int) g`,
      [randomUUID().slice(0, 8), ws.project.companyId, ws.project.id, PREVIEW_EVENT_LIMIT, over],
    );
    const res = await preview(ws.owner.cookie, { projectIds: [ws.project.id], conditions: null });
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    expect(res.json).toMatchObject({ considered: PREVIEW_EVENT_LIMIT, matched: PREVIEW_EVENT_LIMIT, capped: true });
    expect(res.json.examples[0].record).toEqual({ id: "rec-1", title: "Record 1" });
  });

  it("refuses bad input with 422 naming the field, and bad JSON with 400", async () => {
    const { cookie } = mine.owner;
    const fieldsOf = async (body: unknown) => {
      const res = await preview(cookie, body);
      expect(res.status, JSON.stringify(res.json)).toBe(422);
      return Object.keys(res.json.error.fields);
    };
    expect(await fieldsOf({ conditions: null, days: 0 })).toEqual(["days"]);
    expect(await fieldsOf({ conditions: null, days: 31 })).toEqual(["days"]);
    expect(await fieldsOf({ conditions: null, days: 2.5 })).toEqual(["days"]);
    expect(await fieldsOf({})).toEqual(["conditions"]);
    expect(await fieldsOf({ conditions: null, events: ["NOT_AN_EVENT"] })).toEqual(["events.0"]);
    expect(await fieldsOf({ conditions: null, allProjects: true, projectIds: [mine.project.id] })).toEqual([
      "projectIds",
    ]);
    expect(
      await fieldsOf({ conditions: { match: "all", rules: [{ field: "record.list", operator: "$gt", value: 1 }] } }),
    ).toEqual(["conditions.rules[0].operator"]);
    expect(await fieldsOf({ conditions: null, surprise: 1 })).toEqual(["surprise"]);
    const badJson = await call(previewRoute, {
      cookie,
      rawBody: "{",
      headers: { "content-type": "application/json" },
    });
    expect(badJson.status).toBe(400);
    expect((await call(previewRoute, { body: { conditions: null } })).status).toBe(401);
  });
});

describe("POST /webhooks/{id}/test with a recent event", () => {
  it("sends a real event the webhook would send, as a test, and refuses the others naming eventId", async () => {
    const receiver = await startReceiver({ status: 200, body: "got it" });
    try {
      const { cookie } = mine.owner;
      const conditions = movedIntoDoneAndUrgent(myBoard.done.id, myBoard.urgent.id);
      const hook = await post(
        cookie,
        createWebhookRoute,
        {},
        {
          name: "Done and urgent",
          url: `${receiver.url}/hook`,
          events: ["TODO_MOVED"],
          projectIds: [mine.project.id],
          conditions,
        },
      );
      const seen = await preview(cookie, { events: ["TODO_MOVED"], projectIds: [mine.project.id], conditions });
      const [example] = seen.json.examples;
      const [miss] = seen.json.misses;
      const sendTest = (body: unknown) => call(testRoute, { cookie, params: { id: hook.id }, body });

      const sent = await sendTest({ eventId: example.eventId });
      expect(sent.status, JSON.stringify(sent.json)).toBe(200);
      expect(sent.json).toMatchObject({ ok: true, statusCode: 200, responseBody: "got it" });
      const stored = await db().event.findUniqueOrThrow({ where: { id: example.eventId } });
      const body = JSON.parse(receiver.requests.at(-1)?.body ?? "{}");
      expect(body).toMatchObject({ event: "TODO_MOVED", webhook: { id: hook.id } });
      expect({ previousValue: body.previousValue, currentValue: body.currentValue }).toEqual({
        previousValue: stored.previousValue,
        currentValue: stored.currentValue,
      });
      const delivery = await db().delivery.findUniqueOrThrow({ where: { id: sent.json.deliveryId } });
      expect(delivery).toMatchObject({ kind: "test", eventType: "TODO_MOVED", webhookId: hook.id });

      const refusals = [
        [{ eventId: miss.eventId }, /conditions leave out \(rules\[1\] does not hold\)/],
        [{ eventId: (await eventsBy(mine.owner.user.id))[0].id }, /does not select/],
        [{ eventId: (await eventsBy(theirs.owner.user.id)).at(-1)?.id }, /is not an event of your projects/],
        [{ eventId: "no-such-event" }, /is not an event of your projects/],
      ] as const;
      for (const [input, message] of refusals) {
        const res = await sendTest(input);
        expect(res.status, JSON.stringify(res.json)).toBe(422);
        expect(res.json.error.fields.eventId[0]).toMatch(message);
      }
      expect((await sendTest({})).json.error.fields).toHaveProperty("eventType");
      expect((await sendTest({ eventId: example.eventId, eventType: "TODO_MOVED" })).json.error.fields).toHaveProperty(
        "eventId",
      );
      // Only the one test went out.
      expect(receiver.requests).toHaveLength(1);
    } finally {
      await receiver.close();
    }
  });
});
