// The webhook subscription API: every rule of the subscriptions issue, against the real database.
import { beforeAll, describe, expect, it } from "vitest";
import { POST as disable } from "@/app/api/v1/webhooks/[id]/disable/route";
import { POST as enable } from "@/app/api/v1/webhooks/[id]/enable/route";
import { POST as rotate } from "@/app/api/v1/webhooks/[id]/rotate-secret/route";
import { PATCH as patch, GET as read, DELETE as remove } from "@/app/api/v1/webhooks/[id]/route";
import { POST as create, GET as list } from "@/app/api/v1/webhooks/route";
import { decryptSecret } from "@/lib/crypto/secret-box";
import { db } from "@/lib/db";
import { MAX_WEBHOOKS_PER_USER } from "@/lib/validations/webhook";
import { call, signUp } from "../helpers/http";
import { startReceiver } from "../helpers/receiver";
import { addMember, createProject, createWorkspace } from "../helpers/workspace";

let ws: Awaited<ReturnType<typeof createWorkspace>>;
const URL_OK = "http://127.0.0.1:9/hooks";

beforeAll(async () => {
  ws = await createWorkspace("hooks");
});

async function newWebhook(body: Record<string, unknown> = {}, cookie = ws.owner.cookie) {
  const res = await call(create, { cookie, body: { name: "CRM sync", url: URL_OK, ...body } });
  expect(res.status, JSON.stringify(res.json)).toBe(201);
  return res.json;
}

describe("creating webhooks", () => {
  it("returns the secret once, stores it encrypted, and never lists it", async () => {
    const created = await newWebhook({
      allEvents: false,
      events: ["TODO_CREATED", "TODO_MOVED"],
      projectIds: [ws.project.id, ws.otherProject.id],
    });
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(created).toMatchObject({
      uid: expect.stringMatching(/^wh_/),
      allEvents: false,
      events: ["TODO_CREATED", "TODO_MOVED"],
      allProjects: false,
      enabled: true,
      status: "HEALTHY",
    });
    expect(created.projectIds.sort()).toEqual([ws.project.id, ws.otherProject.id].sort());
    const row = await db().webhook.findUniqueOrThrow({ where: { id: created.id }, omit: { secretEncrypted: false } });
    expect(row.secretEncrypted).not.toContain(created.secret);
    expect(decryptSecret(row.secretEncrypted)).toBe(created.secret);
    const listed = await call(list, { cookie: ws.owner.cookie });
    const read1 = await call(read, { cookie: ws.owner.cookie, params: { id: created.uid } });
    for (const body of [listed.json, read1.json]) expect(JSON.stringify(body)).not.toContain("whsec_");
    expect(read1.json.id).toBe(created.id);
  });

  it("treats missing lists as all events and all projects, like Blue", async () => {
    const created = await newWebhook();
    expect(created).toMatchObject({ allEvents: true, events: [], allProjects: true, projectIds: [] });
  });

  it("refuses projects the creator is not a member of", async () => {
    const foreign = await createProject("Not mine", "Secret project");
    const res = await call(create, {
      cookie: ws.owner.cookie,
      body: { name: "x", url: URL_OK, projectIds: [ws.project.id, foreign.id] },
    });
    expect(res.status).toBe(422);
    expect(res.json.error.fields.projectIds[0]).toBe(`you are not a member of these projects: ${foreign.id}`);
  });

  it.each([
    [{ events: ["TODO_EXPLODED"] }, "events.0", '"TODO_EXPLODED" is not an event type'],
    [{ events: ["WEBHOOK_HEALTH_CHECK"] }, "events.0", "is not an event type"],
    [{ allEvents: false, events: [] }, "events", "choose at least one event"],
    [{ allEvents: true, events: ["TODO_CREATED"] }, "events", "leave empty when allEvents is true"],
    [{ url: "ftp://example.com/hook" }, "url", "must be an http:// or https:// URL"],
    [{ url: "not a url" }, "url", "must be an http:// or https:// URL"],
    [{ url: `https://example.com/${"a".repeat(2000)}` }, "url", "must be at most 2000 characters"],
    [{ url: "https://user:pw@example.com/hook" }, "url", "must not contain a user name or password"],
    [{ name: "" }, "name", "is required"],
    [{ secret: "mine" }, "secret", "Unrecognized key"],
  ])("answers 422 for %j", async (body, field, message) => {
    const before = await db().webhook.count({ where: { createdById: ws.owner.user.id } });
    const res = await call(create, { cookie: ws.owner.cookie, body: { name: "x", url: URL_OK, ...body } });
    expect(res.status).toBe(422);
    expect(res.json.error.fields[field]?.[0]).toContain(message);
    expect(await db().webhook.count({ where: { createdById: ws.owner.user.id } })).toBe(before);
  });

  it.each([
    "http://10.0.0.8/hook",
    "http://172.20.1.1/hook",
    "http://192.168.1.20/hook",
    "http://169.254.169.254/latest/meta-data",
    "http://100.64.0.1/hook",
    "http://224.0.0.1/hook",
    "http://0.0.0.0/hook",
    "http://[fd00:ec2::254]/hook",
    "http://[fe80::1]/hook",
    "http://[::ffff:10.0.0.1]/hook",
  ])("refuses %s as a private network without connecting", async (url) => {
    const res = await call(create, { cookie: ws.owner.cookie, body: { name: "x", url } });
    expect(res.status).toBe(422);
    expect(res.json.error.fields.url).toEqual(["URL points to a private network"]);
  });

  it("refuses loopback unless it is allow-listed (names resolved first)", async () => {
    const allowed = process.env.WEBHOOK_ALLOWED_NETWORKS;
    try {
      process.env.WEBHOOK_ALLOWED_NETWORKS = "";
      for (const url of ["http://127.0.0.1:8080/hook", "http://localhost:8080/hook", "http://[::1]/hook"]) {
        const res = await call(create, { cookie: ws.owner.cookie, body: { name: "x", url } });
        expect(res.json.error.fields.url, url).toEqual(["URL points to a private network"]);
      }
    } finally {
      process.env.WEBHOOK_ALLOWED_NETWORKS = allowed;
    }
    expect(
      (await call(create, { cookie: ws.owner.cookie, body: { name: "x", url: "http://localhost:8080/hook" } })).status,
    ).toBe(201);
  });

  it("names the host when it cannot be resolved", async () => {
    const res = await call(create, {
      cookie: ws.owner.cookie,
      body: { name: "x", url: "http://does-not-exist.invalid/hook" },
    });
    expect(res.status).toBe(422);
    expect(res.json.error.fields.url).toEqual(["the host does-not-exist.invalid could not be resolved"]);
  });

  it(`stops at ${MAX_WEBHOOKS_PER_USER} webhooks per user`, async () => {
    const user = await signUp("many");
    await db().webhook.createMany({
      data: Array.from({ length: MAX_WEBHOOKS_PER_USER }, (_, i) => ({
        uid: `wh_many_${user.user.id}_${i}`,
        name: `h${i}`,
        url: URL_OK,
        secretEncrypted: "v1:x:y:z",
        createdById: user.user.id,
      })),
    });
    const res = await call(create, { cookie: user.cookie, body: { name: "one too many", url: URL_OK } });
    expect(res.status).toBe(422);
    expect(res.json.error).toMatchObject({ code: "limit_exceeded", message: "You can have at most 100 webhooks" });
  });
});

describe("changing webhooks", () => {
  it("PATCH replaces the whole event or project list", async () => {
    const hook = await newWebhook({ events: ["TODO_CREATED", "TODO_DELETED"], projectIds: [ws.project.id] });
    const res = await call(patch, {
      method: "PATCH",
      cookie: ws.owner.cookie,
      params: { id: hook.id },
      body: { events: ["COMMENT_CREATED"] },
    });
    expect(res.status).toBe(200);
    expect(res.json.events).toEqual(["COMMENT_CREATED"]);
    expect(res.json.projectIds).toEqual([ws.project.id]);
    const all = await call(patch, {
      method: "PATCH",
      cookie: ws.owner.cookie,
      params: { id: hook.id },
      body: { allProjects: true, allEvents: true },
    });
    expect(all.json).toMatchObject({ allEvents: true, events: [], allProjects: true, projectIds: [] });
    const bad = await call(patch, {
      method: "PATCH",
      cookie: ws.owner.cookie,
      params: { id: hook.id },
      body: { url: "http://10.1.1.1/" },
    });
    expect(bad.status).toBe(422);
    expect((await call(read, { cookie: ws.owner.cookie, params: { id: hook.id } })).json.url).toBe(URL_OK);
  });

  it("disable, enable and rotate-secret work for the creator", async () => {
    const receiver = await startReceiver();
    const hook = await newWebhook({ url: `${receiver.url}/hook` });
    const off = await call(disable, { method: "POST", cookie: ws.owner.cookie, params: { id: hook.id } });
    expect(off.json.enabled).toBe(false);
    const on = await call(enable, { method: "POST", cookie: ws.owner.cookie, params: { id: hook.id } });
    expect(on.json).toMatchObject({ enabled: true, status: "HEALTHY" });
    const rotated = await call(rotate, { method: "POST", cookie: ws.owner.cookie, params: { id: hook.id } });
    expect(rotated.status).toBe(200);
    expect(rotated.json.secret).toMatch(/^whsec_/);
    expect(rotated.json.secret).not.toBe(hook.secret);
    const hours = (new Date(rotated.json.secretRotationEndsAt).getTime() - Date.now()) / 3_600_000;
    expect(Math.round(hours)).toBe(24);
    const row = await db().webhook.findUniqueOrThrow({
      where: { id: hook.id },
      omit: { secretEncrypted: false, previousSecretEncrypted: false },
    });
    expect(decryptSecret(row.previousSecretEncrypted!)).toBe(hook.secret);
    expect(decryptSecret(row.secretEncrypted)).toBe(rotated.json.secret);
    expect(JSON.parse(receiver.requests[0].body).event).toBe("WEBHOOK_HEALTH_CHECK");
    await receiver.close();
  });

  it("is invisible to everyone but its creator (404 for read, change, disable, enable, rotate, delete)", async () => {
    const hook = await newWebhook({ projectIds: [ws.project.id] });
    const teammate = await signUp("teammate");
    await addMember(ws.project.id, teammate.user.id, "ADMIN");
    const params = { id: hook.id };
    const cookie = teammate.cookie;
    const results = [
      await call(read, { cookie, params }),
      await call(patch, { method: "PATCH", cookie, params, body: { name: "mine now" } }),
      await call(disable, { method: "POST", cookie, params }),
      await call(enable, { method: "POST", cookie, params }),
      await call(rotate, { method: "POST", cookie, params }),
      await call(remove, { method: "DELETE", cookie, params }),
    ];
    expect(results.map((r) => r.status)).toEqual([404, 404, 404, 404, 404, 404]);
    expect((await call(list, { cookie })).json.data).toEqual([]);
    const unchanged = await call(read, { cookie: ws.owner.cookie, params });
    expect(unchanged.json).toMatchObject({ name: "CRM sync", enabled: true });
  });

  it("delete removes it", async () => {
    const hook = await newWebhook();
    expect((await call(remove, { method: "DELETE", cookie: ws.owner.cookie, params: { id: hook.id } })).status).toBe(
      204,
    );
    expect((await call(read, { cookie: ws.owner.cookie, params: { id: hook.id } })).status).toBe(404);
  });
});
