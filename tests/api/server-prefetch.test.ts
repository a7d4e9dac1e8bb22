// The pages' server-rendered first data (components/*/prefetch.ts) must be exactly what the browser
// would have read from the API: the same keys' data, to the byte, so that a hydrated page and a
// refetched one never differ.
import { beforeAll, describe, expect, it } from "vitest";
import { POST as createToken, GET as tokens } from "@/app/api/v1/api-tokens/route";
import { POST as invite } from "@/app/api/v1/companies/[companyId]/invitations/route";
import { GET as companies } from "@/app/api/v1/companies/route";
import { GET as eventTypes } from "@/app/api/v1/event-types/route";
import { GET as inviteLink } from "@/app/api/v1/invite-links/[token]/route";
import { GET as notices } from "@/app/api/v1/notices/route";
import { GET as projects } from "@/app/api/v1/projects/route";
import { GET as sessions } from "@/app/api/v1/sessions/route";
import { GET as activity } from "@/app/api/v1/webhooks/[id]/activity/route";
import { GET as read } from "@/app/api/v1/webhooks/[id]/route";
import { POST as create, GET as list } from "@/app/api/v1/webhooks/route";
import { sessionsQuery } from "@/components/account/prefetch";
import { apiTokensQuery } from "@/components/api-tokens/prefetch";
import { companiesQuery } from "@/components/companies/prefetch";
import { eventTypeGroupsQuery } from "@/components/event-types/prefetch";
import { inviteLinkQuery } from "@/components/invitations/prefetch";
import { noticesQuery } from "@/components/notices/prefetch";
import { projectGroupsQuery } from "@/components/projects/prefetch";
import { webhookActivityQuery, webhookQuery, webhooksQuery } from "@/components/webhooks/prefetch";
import { sessionClaims } from "@/lib/auth/session";
import {
  apiTokenKeys,
  companyKeys,
  eventTypeKeys,
  invitationKeys,
  noticeKeys,
  projectKeys,
  sessionKeys,
  webhookKeys,
} from "@/lib/client/query-keys";
import { db } from "@/lib/db";
import { call, uniqueEmail } from "../helpers/http";
import { createWorkspace } from "../helpers/workspace";

let ws: Awaited<ReturnType<typeof createWorkspace>>;
let webhookId: string;

/** What the browser holds after reading the API: JSON, so `undefined` fields are gone. */
const asJson = (value: unknown) => JSON.parse(JSON.stringify(value));

beforeAll(async () => {
  ws = await createWorkspace("prefetch");
  const created = await call(create, {
    cookie: ws.owner.cookie,
    body: {
      name: "CRM sync",
      url: "http://127.0.0.1:9/hooks",
      allEvents: false,
      events: ["TODO_CREATED"],
      projectIds: [ws.project.id, ws.otherProject.id],
    },
  });
  expect(created.status, JSON.stringify(created.json)).toBe(201);
  webhookId = created.json.id;
  await db().companyMember.create({
    data: { companyId: ws.project.companyId, userId: ws.owner.user.id, role: "OWNER" },
  });
  // A notice of its own, so that the notices compared are not an empty list.
  await db().notice.create({
    data: { userId: ws.owner.user.id, kind: "WEBHOOK_DISABLED", webhookId, title: "Disabled", body: "Turned off." },
  });
});

describe("server-rendered first data", () => {
  it("lists the webhooks as GET /api/v1/webhooks does, under the list hook's key", async () => {
    const query = webhooksQuery(ws.owner.user.id);
    expect(query.queryKey).toEqual(webhookKeys.list());
    const api = await call(list, { cookie: ws.owner.cookie });
    expect(api.json.data).toHaveLength(1);
    expect(asJson(await query.queryFn())).toEqual(api.json.data);
  });

  it("reads one webhook with its health as GET /api/v1/webhooks/{id} does, by id or uid", async () => {
    for (const id of [webhookId, (await db().webhook.findUniqueOrThrow({ where: { id: webhookId } })).uid]) {
      const query = webhookQuery(ws.owner.user.id, id);
      expect(query.queryKey).toEqual(webhookKeys.detail(id));
      const api = await call(read, { cookie: ws.owner.cookie, params: { id } });
      expect(asJson(await query.queryFn())).toEqual(api.json);
    }
  });

  it("refuses another person's webhook as the route does (the page then shows the API's error)", async () => {
    const stranger = await createWorkspace("prefetch-stranger");
    await expect(webhookQuery(stranger.owner.user.id, webhookId).queryFn()).rejects.toMatchObject({
      code: "not_found",
    });
    expect((await call(read, { cookie: stranger.owner.cookie, params: { id: webhookId } })).status).toBe(404);
  });

  it("counts the activity as GET /api/v1/webhooks/{id}/activity does", async () => {
    const query = webhookActivityQuery(ws.owner.user.id, webhookId, "24h");
    expect(query.queryKey).toEqual(webhookKeys.activity(webhookId, "24h"));
    // Both answers are bucketed by the hour they are asked in; ask again if an hour turned in between.
    for (;;) {
      const server = asJson(await query.queryFn());
      const api = await call(activity, { cookie: ws.owner.cookie, path: "/?range=24h", params: { id: webhookId } });
      if (server.buckets.at(-1).hour !== api.json.buckets.at(-1).hour) continue;
      expect(server).toEqual(api.json);
      expect(server.buckets).toHaveLength(24);
      break;
    }
  });

  it("groups the projects, lists the companies and the notices, and the event catalog, as their routes do", async () => {
    const userId = ws.owner.user.id;
    const cookie = ws.owner.cookie;
    const pairs = [
      [projectGroupsQuery(userId), projectKeys.groups(), (await call(projects, { cookie })).json.data],
      [companiesQuery(userId), companyKeys.list(), (await call(companies, { cookie })).json.data],
      [noticesQuery(userId), noticeKeys.list(), (await call(notices, { cookie })).json.data],
      [eventTypeGroupsQuery(), eventTypeKeys.list(), (await call(eventTypes, { cookie })).json.data],
    ] as const;
    for (const [query, key, api] of pairs) {
      expect(query.queryKey).toEqual(key);
      expect(api.length).toBeGreaterThan(0);
      expect(asJson(await query.queryFn())).toEqual(api);
    }
  });

  it("previews an invitation link as GET /api/v1/invite-links/{token} does, for anyone with the link", async () => {
    const invited = await call(invite, {
      cookie: ws.owner.cookie,
      params: { companyId: ws.project.companyId },
      body: { email: uniqueEmail("invitee"), role: "MEMBER", projects: [{ projectId: ws.project.id, role: "MEMBER" }] },
    });
    expect(invited.status, JSON.stringify(invited.json)).toBe(201);
    const token = (invited.json.data.url as string).split("/invite/")[1];
    const query = inviteLinkQuery(token);
    expect(query.queryKey).toEqual(invitationKeys.link(token));
    const api = await call(inviteLink, { params: { token } });
    expect(api.json.data.company.name).toBe("Acme Test");
    expect(asJson(await query.queryFn())).toEqual(api.json.data);
  });

  it("lists the API tokens as GET /api/v1/api-tokens does, and none of them to another person", async () => {
    const made = await call(createToken, { cookie: ws.owner.cookie, body: { name: "Reporting", expiresInDays: 30 } });
    expect(made.status, JSON.stringify(made.json)).toBe(201);
    const query = apiTokensQuery(ws.owner.user.id);
    expect(query.queryKey).toEqual(apiTokenKeys.list());
    const api = await call(tokens, { cookie: ws.owner.cookie });
    expect(api.json.data.map((t: { id: string }) => t.id)).toContain(made.json.id);
    const server = asJson(await query.queryFn());
    expect(server).toEqual(api.json.data);
    expect(JSON.stringify(server)).not.toContain(made.json.token);

    const stranger = await createWorkspace("prefetch-token-stranger");
    expect(await apiTokensQuery(stranger.owner.user.id).queryFn()).toEqual([]);
  });

  it("lists the sessions as GET /api/v1/sessions does, the cookie's own marked current, and none to another person", async () => {
    const claims = await sessionClaims(new Request("http://localhost/", { headers: { cookie: ws.owner.cookie } }));
    expect(claims?.userId).toBe(ws.owner.user.id);
    const sessionId = claims?.sessionId ?? null;
    const query = sessionsQuery(ws.owner.user.id, sessionId);
    expect(query.queryKey).toEqual(sessionKeys.list());
    // The route first (reading the session may note "last seen"), then the server's query.
    const api = await call(sessions, { cookie: ws.owner.cookie });
    const server = asJson(await query.queryFn());
    expect(server).toEqual(api.json.data);
    expect(server.filter((s: { current: boolean }) => s.current).map((s: { id: string }) => s.id)).toEqual([sessionId]);

    // Another person, even handed this session's id, sees only their own sessions, none of them this one.
    const stranger = await createWorkspace("prefetch-session-stranger");
    const theirs = asJson(await sessionsQuery(stranger.owner.user.id, sessionId).queryFn());
    expect(theirs).toHaveLength(1);
    expect(theirs[0]).toMatchObject({ current: false });
    expect(theirs[0].id).not.toBe(sessionId);
  });
});
