// Matching at scale and what the trace says: the matching statement reads webhooks through
// indexes only (its plan on a table of 40,000 webhooks), an event's fan-out writes trace rows for
// the webhooks that selected it and no others however many do not, the trace still explains every
// webhook of its caller, and the people events reach whom they should: PROJECT_DELETED the
// project's former members, PROJECT_MEMBER_REMOVED the remaining members but not the removed one.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as traceRoute } from "@/app/api/v1/events/[id]/trace/route";
import { DELETE as removeMemberRoute } from "@/app/api/v1/projects/[projectId]/members/[userId]/route";
import { DELETE as deleteProjectRoute } from "@/app/api/v1/projects/[projectId]/route";
import { POST as disableRoute } from "@/app/api/v1/webhooks/[id]/disable/route";
import { POST as createWebhookRoute } from "@/app/api/v1/webhooks/route";
import { db, pool } from "@/lib/db";
import { fanOutEvent } from "@/lib/delivery-engine/fan-out";
import { MATCH_STATEMENT, matchWebhooks } from "@/lib/delivery-engine/match-webhooks";
import { settlePublishing } from "@/lib/events/publish-events";
import { call, signUp } from "../helpers/http";
import { inRolledBackTransaction, type PlanNode, planNodes } from "../helpers/plans";
import { addMember, createWorkspace } from "../helpers/workspace";

type User = Awaited<ReturnType<typeof signUp>>;

/** A disabled webhook (matched as DISABLED: no request is made) through the API. */
async function disabledWebhook(user: User, name: string, selection: object) {
  const res = await call(createWebhookRoute, {
    cookie: user.cookie,
    body: { name, url: `http://127.0.0.1:9/${name}`, ...selection },
  });
  expect(res.status, JSON.stringify(res.json)).toBe(201);
  expect((await call(disableRoute, { cookie: user.cookie, params: { id: res.json.id } })).status).toBe(200);
  return res.json.id as string;
}

/** `count` webhooks of `userId` inserted in SQL (past the per-user limit the API keeps). */
async function bulkWebhooks(userId: string, count: number, selection: { events: string[]; projectIds: string[] }) {
  const prefix = randomUUID().slice(0, 8);
  const { rows } = await pool().query<{ id: string }>(
    `WITH created AS (
       INSERT INTO webhooks (id, uid, name, url, secret_encrypted, all_events, events, all_projects, project_ids, created_by_id, updated_at)
       SELECT $1 || g, $1 || '_' || g, 'Bulk ' || g, 'http://127.0.0.1:9/bulk', 'v1:a:b:c', cardinality($3::text[]) = 0,
              $3::text[], cardinality($4::text[]) = 0, $4::text[], $5, now() AT TIME ZONE 'UTC'
         FROM generate_series(1, $2::int) g
       RETURNING id)
     INSERT INTO delivery_lanes (webhook_id, updated_at) SELECT id, now() AT TIME ZONE 'UTC' FROM created
     RETURNING webhook_id AS id`,
    [prefix, count, selection.events, selection.projectIds, userId],
  );
  return rows.map((r) => r.id);
}

async function newEvent(type: string, projectId: string, companyId: string) {
  return db().event.create({ data: { id: randomUUID(), type, companyId, projectId, projectIds: [projectId] } });
}

type TraceLine = { webhookId: string; outcome: string; recorded: boolean; deliveryStatus: string | null };

async function traceFor(user: User, eventId: string) {
  const res = await call(traceRoute, { cookie: user.cookie, params: { id: eventId } });
  return { status: res.status, lines: (res.json.webhooks ?? []) as TraceLine[] };
}

describe("the matching statement's plan", () => {
  it("reads webhooks through the creator and project indexes only, for a small and a large team, planned for their values or once for all", async () => {
    await inRolledBackTransaction(async (client) => {
      await client.query(
        `INSERT INTO users (id, email, name, password_hash, updated_at)
         SELECT 'plan-u' || g, 'plan-u' || g || '@matching.test', 'u', 'x', now() FROM generate_series(0, 3999) g`,
      );
      await client.query(
        `INSERT INTO webhooks (id, uid, name, url, secret_encrypted, all_events, events, all_projects, project_ids, created_by_id, updated_at)
         SELECT 'plan' || g, 'plan_' || g, 'Plan ' || g, 'http://127.0.0.1:9/', 'v1:a:b:c', g % 3 = 0,
                CASE WHEN g % 3 = 0 THEN '{}'::text[] ELSE ARRAY['COMMENT_CREATED'] END, g % 2 = 0,
                CASE WHEN g % 2 = 0 THEN '{}'::text[] ELSE ARRAY['plan-p' || g % 2000] END,
                'plan-u' || g % 4000, now() AT TIME ZONE 'UTC'
           FROM generate_series(1, 40000) g`,
      );
      await client.query(
        `INSERT INTO delivery_lanes (webhook_id, updated_at)
         SELECT id, now() AT TIME ZONE 'UTC' FROM webhooks WHERE id LIKE 'plan%'`,
      );
      await client.query(
        "INSERT INTO companies (id, name, slug, updated_at) VALUES ('plan-c', 'Plan', 'plan-c', now())",
      );
      await client.query(
        `INSERT INTO projects (id, company_id, name, slug, updated_at)
         VALUES ('plan-small', 'plan-c', 'Small', 'small', now()), ('plan-large', 'plan-c', 'Large', 'large', now())`,
      );
      // A project with 5 members and one with 400 (each member with 10 webhooks).
      await client.query(
        `INSERT INTO project_members (project_id, user_id, role)
         SELECT 'plan-small', 'plan-u' || g, 'MEMBER'::"Role" FROM generate_series(0, 4) g
         UNION ALL SELECT 'plan-large', 'plan-u' || g, 'MEMBER'::"Role" FROM generate_series(100, 499) g`,
      );
      await client.query("ANALYZE webhooks, delivery_lanes, project_members");
      // The plan for the values (the one the fan-out uses), and one made once for any values (with
      // statistics of large tables it is as good; see the next test for why it is not kept).
      await client.query(`PREPARE plan_check_match (text, text[], text) AS ${MATCH_STATEMENT}`);
      const plans = ["plan-small", "plan-large"].flatMap((projectId) => [
        { projectId, generic: false },
        { projectId, generic: true },
      ]);
      for (const { projectId, generic } of plans) {
        await client.query(`SET LOCAL plan_cache_mode = ${generic ? "force_generic_plan" : "force_custom_plan"}`);
        // EXECUTE takes no bound parameters: the values are this test's own constants.
        const plan = await client.query<{ "QUERY PLAN": [{ Plan: PlanNode }] }>(
          `EXPLAIN (FORMAT JSON) EXECUTE plan_check_match('${randomUUID()}', ARRAY['${projectId}'], 'TODO_CREATED')`,
        );
        const all = planNodes(plan.rows[0]["QUERY PLAN"][0].Plan);
        const scansOf = (relation: string) => all.filter((n) => n["Relation Name"] === relation);
        expect(scansOf("webhooks").map((n) => n["Node Type"])).not.toContain("Seq Scan");
        expect(scansOf("delivery_lanes").map((n) => n["Node Type"])).not.toContain("Seq Scan");
        const indexes = new Set(all.map((n) => n["Index Name"]));
        expect(indexes).toContain("webhooks_project_ids_idx");
        expect(indexes).toContain("webhooks_created_by_id_all_projects_idx");
        // Lanes through the partial index of the lanes that are not idle (most look-ups find none).
        expect(indexes).toContain("delivery_lanes_busy_idx");
      }
    });
  });
});

it("the matching statement is planned for its values on every call, never kept as a plan made once for any values", async () => {
  // A kept plan is remade whenever the tables' statistics change, and statistics taken while they
  // were nearly empty read every delivery once per candidate webhook (bench:delivery's (b)).
  await matchWebhooks(randomUUID(), "TODO_CREATED", ["no-such-project"]);
  // On the connection it ran on (the pool hands out the one released last).
  const plans = await pool().query<{ generic: number; custom: number }>(
    "SELECT generic_plans::int AS generic, custom_plans::int AS custom FROM pg_prepared_statements WHERE statement = $1",
    [MATCH_STATEMENT],
  );
  expect(plans.rows.length).toBeGreaterThan(0);
  for (const p of plans.rows) {
    expect(p.generic).toBe(0);
    expect(p.custom).toBeGreaterThan(0);
  }
});

describe("traces stay bounded per event and still explain every webhook", () => {
  let ws: Awaited<ReturnType<typeof createWorkspace>>;
  let outsider: User;
  beforeAll(async () => {
    ws = await createWorkspace("matching-bounded");
    outsider = await signUp("matching-outsider");
  });

  it("writes rows only for the webhooks that selected the event, however many did not", async () => {
    const { project, otherProject, owner } = ws;
    const selected = await disabledWebhook(owner, "selected", { events: ["TODO_CREATED"], projectIds: [project.id] });
    const revoked = await disabledWebhook(outsider, "revoked", { events: ["TODO_CREATED"], allProjects: true });
    await bulkWebhooks(owner.user.id, 150, { events: ["COMMENT_CREATED"], projectIds: [] });
    await bulkWebhooks(owner.user.id, 80, { events: [], projectIds: [otherProject.id] });
    // Selections no one in the project has: "all my projects" of people outside it.
    await bulkWebhooks(outsider.user.id, 300, { events: [], projectIds: [] });
    // The outsider names the project (as a former member would).
    await pool().query("UPDATE webhooks SET all_projects = false, project_ids = $2 WHERE id = $1", [
      revoked,
      [project.id],
    ]);

    const event = await newEvent("TODO_CREATED", project.id, project.companyId);
    await fanOutEvent(event.id);

    const rows = await db().eventTrace.findMany({ where: { eventId: event.id }, orderBy: { outcome: "asc" } });
    expect(rows.map((r) => [r.webhookId, r.outcome])).toEqual([
      [revoked, "ACCESS_REVOKED"],
      [selected, "DISABLED"],
    ]);

    const mine = await traceFor(owner, event.id);
    expect(mine.status).toBe(200);
    expect(mine.lines).toHaveLength(231);
    const count = (outcome: string, recorded: boolean) =>
      mine.lines.filter((l) => l.outcome === outcome && l.recorded === recorded).length;
    expect(count("EVENT_NOT_SELECTED", false)).toBe(150);
    expect(count("PROJECT_NOT_SELECTED", false)).toBe(80);
    expect(mine.lines.find((l) => l.webhookId === selected)).toMatchObject({
      outcome: "DISABLED",
      recorded: true,
      deliveryStatus: "SKIPPED",
    });

    // Not a member, but their webhook was traced: they learn why it was not called.
    const theirs = await traceFor(outsider, event.id);
    expect(theirs.status).toBe(200);
    expect(theirs.lines.find((l) => l.webhookId === revoked)).toMatchObject({
      outcome: "ACCESS_REVOKED",
      recorded: true,
    });
    expect(theirs.lines.filter((l) => l.outcome === "NOT_CONSIDERED")).toHaveLength(300);
  });

  it("says NOT_CONSIDERED for a webhook that selects the event now but was made after it was processed", async () => {
    const event = await newEvent("TODO_CREATED", ws.project.id, ws.project.companyId);
    await fanOutEvent(event.id);
    const [later] = await bulkWebhooks(ws.owner.user.id, 1, { events: ["TODO_CREATED"], projectIds: [ws.project.id] });
    const { lines } = await traceFor(ws.owner, event.id);
    expect(lines.find((l) => l.webhookId === later)).toMatchObject({ outcome: "NOT_CONSIDERED", recorded: false });
  });
});

describe("who receives the people events of a project", () => {
  it("PROJECT_DELETED reaches the webhooks of the project's members at deletion, and only that event", async () => {
    const ws = await createWorkspace("matching-deleted");
    const teammate = await signUp("matching-deleted-teammate");
    const stranger = await signUp("matching-deleted-stranger");
    await addMember(ws.project.id, teammate.user.id, "MEMBER");
    const everything = await disabledWebhook(ws.owner, "everything", { allProjects: true });
    const named = await disabledWebhook(teammate, "named", {
      events: ["PROJECT_DELETED", "TODO_CREATED"],
      projectIds: [ws.project.id],
    });
    const comments = await disabledWebhook(teammate, "comments", { events: ["COMMENT_CREATED"], allProjects: true });
    const strangers = await disabledWebhook(stranger, "strangers", { allProjects: true });
    // Committed before the deletion, fanned out after it: access is checked at send time.
    const earlier = await newEvent("TODO_CREATED", ws.project.id, ws.project.companyId);

    const res = await call(deleteProjectRoute, {
      method: "DELETE",
      cookie: ws.owner.cookie,
      params: { projectId: ws.project.id },
    });
    expect(res.status).toBe(204);
    await settlePublishing();
    const deleted = await db().event.findFirstOrThrow({ where: { type: "PROJECT_DELETED", projectId: ws.project.id } });

    const matches = await matchWebhooks(deleted.id, deleted.type, deleted.projectIds);
    expect(new Map(matches.map((m) => [m.webhook.id, m.outcome]))).toEqual(
      new Map([
        [everything, "DISABLED"],
        [named, "DISABLED"],
      ]),
    );
    expect(matches.map((m) => m.webhook.id)).not.toContain(strangers);
    const before = await matchWebhooks(earlier.id, earlier.type, earlier.projectIds);
    expect(before.map((m) => [m.webhook.id, m.outcome])).toEqual([[named, "ACCESS_REVOKED"]]);

    // Former members still read its trace; others do not.
    await fanOutEvent(deleted.id);
    const trace = await traceFor(teammate, deleted.id);
    expect(trace.status).toBe(200);
    expect(trace.lines.map((l) => [l.webhookId, l.outcome])).toEqual([
      [named, "DISABLED"],
      [comments, "EVENT_NOT_SELECTED"],
    ]);
    expect((await traceFor(stranger, deleted.id)).status).toBe(404);
  });

  it("PROJECT_MEMBER_REMOVED reaches the remaining members' webhooks, not the removed member's", async () => {
    const ws = await createWorkspace("matching-removed");
    const teammate = await signUp("matching-removed-teammate");
    await addMember(ws.project.id, teammate.user.id, "MEMBER");
    const owners = await disabledWebhook(ws.owner, "owners", { events: ["PROJECT_MEMBER_REMOVED"], allProjects: true });
    const theirs = await disabledWebhook(teammate, "theirs", {
      events: ["PROJECT_MEMBER_REMOVED"],
      projectIds: [ws.project.id],
    });
    const res = await call(removeMemberRoute, {
      method: "DELETE",
      cookie: ws.owner.cookie,
      params: { projectId: ws.project.id, userId: teammate.user.id },
    });
    expect(res.status).toBe(204);
    await settlePublishing();
    const removed = await db().event.findFirstOrThrow({
      where: { type: "PROJECT_MEMBER_REMOVED", projectId: ws.project.id },
    });
    const matches = await matchWebhooks(removed.id, removed.type, removed.projectIds);
    expect(new Map(matches.map((m) => [m.webhook.id, m.outcome]))).toEqual(
      new Map([
        [owners, "DISABLED"],
        [theirs, "ACCESS_REVOKED"],
      ]),
    );
  });
});

describe("access at send time, for an event in more than one project", () => {
  it("reaches a webhook only through a project its creator is still in and the webhook chose", async () => {
    const ws = await createWorkspace("matching-two-projects");
    const teammate = await signUp("matching-two-projects-teammate");
    // The teammate is in the first project only; their webhooks choose one project, the other or all.
    await addMember(ws.project.id, teammate.user.id, "MEMBER");
    const first = await disabledWebhook(teammate, "first", { events: ["TODO_MOVED"], projectIds: [ws.project.id] });
    const second = await disabledWebhook(teammate, "second", {
      events: ["TODO_MOVED"],
      projectIds: [ws.project.id],
    });
    await pool().query("UPDATE webhooks SET project_ids = $2 WHERE id = $1", [second, [ws.otherProject.id]]);
    const all = await disabledWebhook(teammate, "all", { events: ["TODO_MOVED"], allProjects: true });
    const owners = await disabledWebhook(ws.owner, "owners", {
      events: ["TODO_MOVED"],
      projectIds: [ws.otherProject.id],
    });
    await pool().query("UPDATE webhooks SET enabled = true WHERE id = $1", [owners]);
    // A record moved from one project to the other: the event belongs to both.
    const moved = await db().event.create({
      data: {
        id: randomUUID(),
        type: "TODO_MOVED",
        companyId: ws.project.companyId,
        projectId: ws.otherProject.id,
        projectIds: [ws.project.id, ws.otherProject.id],
      },
    });

    const matches = await matchWebhooks(moved.id, moved.type, moved.projectIds);
    expect(new Map(matches.map((m) => [m.webhook.id, m.outcome]))).toEqual(
      new Map([
        [first, "DISABLED"],
        [second, "ACCESS_REVOKED"],
        [all, "DISABLED"],
        [owners, "MATCHED"],
      ]),
    );
    // Only what a delivery needs is read, and only for the webhooks it can go to.
    expect(matches.find((m) => m.webhook.id === second)?.webhook).toEqual({ id: second });
    expect(matches.find((m) => m.webhook.id === owners)?.webhook).toMatchObject({
      url: "http://127.0.0.1:9/owners",
      existingDeliveryId: null,
    });

    // After the fan-out, its deliveries are found again (a re-run writes and sends nothing twice).
    await fanOutEvent(moved.id);
    const again = await matchWebhooks(moved.id, moved.type, moved.projectIds);
    const delivered = await db().delivery.findMany({ where: { eventId: moved.id } });
    expect(
      new Map(
        again.flatMap((m) => ("existingDeliveryId" in m.webhook ? [[m.webhook.id, m.webhook.existingDeliveryId]] : [])),
      ),
    ).toEqual(new Map(delivered.map((d) => [d.webhookId, d.id])));
    expect(delivered.map((d) => d.webhookId).sort()).toEqual([first, all, owners].sort());
  });
});
