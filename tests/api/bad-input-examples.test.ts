// One example per kind of bad input that used to answer 500 (or an empty 405), each asserting the
// 4xx that replaced it. tests/api/bad-input.test.ts generates such input for every route.
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as signUp } from "@/app/api/v1/auth/sign-up/route";
import { DELETE as deleteList, PATCH as patchList } from "@/app/api/v1/lists/[id]/route";
import { GET as board } from "@/app/api/v1/projects/[projectId]/board/route";
import { POST as createCustomField } from "@/app/api/v1/projects/[projectId]/custom-fields/route";
import { POST as createList } from "@/app/api/v1/projects/[projectId]/lists/route";
import { POST as createTodo } from "@/app/api/v1/projects/[projectId]/todos/route";
import * as projects from "@/app/api/v1/projects/route";
import { PUT as setValue } from "@/app/api/v1/todos/[id]/custom-fields/[fieldId]/route";
import { GET as activity } from "@/app/api/v1/webhooks/[id]/activity/route";
import { GET as listDeliveries } from "@/app/api/v1/webhooks/[id]/deliveries/route";
import { POST as replay } from "@/app/api/v1/webhooks/[id]/replay/route";
import { POST as sendTest } from "@/app/api/v1/webhooks/[id]/test/route";
import { POST as createWebhook } from "@/app/api/v1/webhooks/route";
import { db } from "@/lib/db";
import { call, uniqueEmail } from "../helpers/http";
import { createWorkspace } from "../helpers/workspace";

let ws: Awaited<ReturnType<typeof createWorkspace>>;
let cookie: string;
let webhookId: string;
let listId: string;

const PROTOTYPE_NAMES = ["constructor", "__proto__", "toString", "valueOf", "hasOwnProperty"];

beforeAll(async () => {
  ws = await createWorkspace("bad-input-examples");
  cookie = ws.owner.cookie;
  webhookId = (await call(createWebhook, { cookie, body: { name: "Hook", url: "http://127.0.0.1:9/hook" } })).json.id;
  listId = (await call(createList, { cookie, params: { projectId: ws.project.id }, body: { title: "Doing" } })).json.id;
});

/** A JSON body sent as written (JSON.stringify cannot write a `__proto__` key or a bare 1e400). */
const raw = (text: string) => ({ rawBody: text, headers: { "content-type": "application/json" } });

describe("a NUL character", () => {
  it("in a string field of the unauthenticated sign-up is a 422 naming the field, and no account is made", async () => {
    const email = uniqueEmail("nul");
    const res = await call(signUp, { body: { name: "Ada\u0000", email, password: "correct-horse-battery" } });
    expect(res.status).toBe(422);
    expect(res.json.error).toEqual({
      code: "validation_failed",
      message: "name: must not contain the NUL character",
      fields: { name: ["must not contain the NUL character"] },
    });
    expect(await db().user.count({ where: { email } })).toBe(0);
  });

  it("in a nested field, or in a value the schema leaves open, names the full path", async () => {
    const field = await call(createCustomField, {
      cookie,
      params: { projectId: ws.project.id },
      body: { name: "Stage", type: "SELECT_SINGLE", options: [{ title: "a" }, { title: "b\u0000" }] },
    });
    expect(field.status).toBe(422);
    expect(field.json.error.fields).toEqual({ "options.1.title": ["must not contain the NUL character"] });

    const value = await call(setValue, {
      method: "PUT",
      cookie,
      params: { id: "any", fieldId: "any" },
      body: { value: { deep: ["\u0000"] } },
    });
    expect(value.status).toBe(422);
    expect(value.json.error.fields).toEqual({ "value.deep.0": ["must not contain the NUL character"] });
  });

  it("in a query value is a 422 naming the parameter", async () => {
    const res = await call(listDeliveries, { cookie, params: { id: webhookId }, path: "/?projectId=%00" });
    expect(res.status).toBe(422);
    expect(res.json.error.fields).toEqual({ projectId: ["must not contain the NUL character"] });
  });

  it("in a path id that reaches a handler is a 400, not a database error", async () => {
    for (const res of [
      await call(deleteList, { method: "DELETE", cookie, params: { id: "\u0000" } }),
      await call(board, { cookie, params: { projectId: `${ws.project.id}\u0000` } }),
    ]) {
      expect(res.status).toBe(400);
      expect(res.json.error.code).toBe("bad_request");
    }
  });
});

describe("text PostgreSQL cannot store", () => {
  it("a lone surrogate (invalid UTF-16, no UTF-8 form) in a field is a 422 naming it", async () => {
    const res = await call(createList, {
      cookie,
      params: { projectId: ws.project.id },
      ...raw('{"title":"a\\ud800"}'),
    });
    expect(res.status).toBe(422);
    expect(res.json.error.fields).toEqual({ title: ["must be valid Unicode text (it has a lone surrogate)"] });
  });

  it("bytes that are not UTF-8 are a 400 invalid_json", async () => {
    const req = new NextRequest("http://localhost/", {
      method: "POST",
      headers: { cookie, "content-type": "application/json" },
      body: new Uint8Array([0x7b, 0x22, 0x74, 0x69, 0x74, 0x6c, 0x65, 0x22, 0x3a, 0x22, 0xc0, 0xae, 0x22, 0x7d]),
    });
    const res = await createList(req, { params: Promise.resolve({ projectId: ws.project.id }) });
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe("invalid_json");
  });
});

describe("an unknown key named like an Object.prototype property", () => {
  it.each(PROTOTYPE_NAMES)("%s in a body is a 422 naming it", async (name) => {
    const res = await call(patchList, {
      method: "PATCH",
      cookie,
      params: { id: listId },
      ...raw(`{"title":"x",${JSON.stringify(name)}:1}`),
    });
    expect(res.status).toBe(422);
    expect(Object.keys(res.json.error.fields)).toEqual([name]);
    expect(res.json.error.message).toBe(`${name}: Unrecognized key: "${name}"`);
  });

  it.each(PROTOTYPE_NAMES)("%s in a query string is a 422 naming it", async (name) => {
    for (const handler of [listDeliveries, activity]) {
      const res = await call(handler, { cookie, params: { id: webhookId }, path: `/?${name}=1&${name}=2` });
      expect(res.status).toBe(422);
      expect(Object.keys(res.json.error.fields)).toEqual([name]);
    }
  });
});

describe("deeply nested JSON", () => {
  const deep = (levels: number) => `${"[".repeat(levels)}${"]".repeat(levels)}`;

  it("5,000 levels is a 422 naming the field, not a stack overflow", async () => {
    const res = await call(createWebhook, {
      cookie,
      ...raw(`{"name":"Deep","url":"http://127.0.0.1:9/d","events":${deep(5000)}}`),
    });
    expect(res.status).toBe(422);
    expect(res.json.error.fields).toEqual({ events: ["must not nest arrays and objects more than 64 levels deep"] });
  });

  it("64 levels are still read (and then checked against the schema)", async () => {
    const res = await call(sendTest, { cookie, params: { id: webhookId }, ...raw(`{"eventType":${deep(63)}}`) });
    expect(res.status).toBe(422);
    expect(res.json.error.fields.eventType).toEqual(["must be an event type; see GET /api/v1/event-types"]);
  });

  it("an object whose toString is not a function is a 422, not a TypeError", async () => {
    const res = await call(sendTest, { cookie, params: { id: webhookId }, body: { eventType: { toString: 1 } } });
    expect(res.status).toBe(422);
    expect(res.json.error.fields.eventType).toHaveLength(1);
  });
});

describe("a keyset cursor this API did not return", () => {
  const cursor = (createdAt: string, id: string) => Buffer.from(JSON.stringify([createdAt, id])).toString("base64url");

  it.each([
    ["a date before PostgreSQL's range", cursor("-271821-04-20T00:00:00.000Z", "cl0000000000000000000000")],
    ["a date after the year 9999", cursor("+275760-09-13T00:00:00.000Z", "cl0000000000000000000000")],
    ["a NUL in its id", cursor("2026-01-01T00:00:00.000Z", "cl\u0000")],
    ["a date in another format", cursor("Thu, 01 Jan 2026 00:00:00 GMT", "cl0000000000000000000000")],
  ])("with %s is a 422 naming cursor", async (_, value) => {
    const res = await call(listDeliveries, { cookie, params: { id: webhookId }, path: `/?cursor=${value}` });
    expect(res.status).toBe(422);
    expect(res.json.error.fields).toEqual({ cursor: ["is not a cursor this API returned"] });
  });
});

describe("out-of-range and oversized values", () => {
  it("a number too large for JSON (1e400) is a 422, not Infinity in the database", async () => {
    const res = await call(createList, {
      cookie,
      params: { projectId: ws.project.id },
      ...raw('{"title":"x","position":1e400}'),
    });
    expect(res.status).toBe(422);
    expect(Object.keys(res.json.error.fields)).toEqual(["position"]);
  });

  it("a date outside PostgreSQL's range is a 422 naming the field", async () => {
    const res = await call(createTodo, {
      cookie,
      params: { projectId: ws.project.id },
      body: { todoListId: listId, title: "x", duedAt: "+275760-09-13T00:00:00Z" },
    });
    expect(res.status).toBe(422);
    expect(Object.keys(res.json.error.fields)).toEqual(["duedAt"]);
  });

  it("a filter value repeated 40,000 times is read once, not sent to PostgreSQL 40,000 times", async () => {
    const statuses = Array.from({ length: 40_000 }, () => "status=FAILED").join("&");
    const res = await call(listDeliveries, { cookie, params: { id: webhookId }, path: `/?${statuses}` });
    expect(res.status).toBe(200);
  });

  it("a replay's status list longer than its two values is a 422 naming status, and no job is made", async () => {
    const before = await db().replayJob.count({ where: { webhookId } });
    const res = await call(replay, {
      cookie,
      params: { id: webhookId },
      body: { since: "2026-01-01T00:00:00Z", status: Array.from({ length: 40_000 }, () => "FAILED") },
    });
    expect(res.status).toBe(422);
    expect(Object.keys(res.json.error.fields)).toEqual(["status"]);
    expect(await db().replayJob.count({ where: { webhookId } })).toBe(before);
  });
});

describe("a method the route does not have", () => {
  it("is a 405 with the documented JSON error and an Allow header, not an empty body", async () => {
    const res = await call(projects.PUT, { method: "PUT", cookie, path: "/api/v1/projects", body: {} });
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("GET, HEAD, OPTIONS");
    expect(res.json).toEqual({
      error: { code: "method_not_allowed", message: "PUT is not allowed on /api/v1/projects; use GET, HEAD, OPTIONS" },
    });
  });

  it("is left out of OPTIONS, which lists only the methods the route has", async () => {
    const res = await projects.OPTIONS(new Request("http://localhost/api/v1/projects", { method: "OPTIONS" }));
    expect(res.status).toBe(204);
    expect(res.headers.get("allow")).toBe("GET, HEAD, OPTIONS");
  });
});

describe("the body size limit", () => {
  it("is enforced while a chunked body streams in: 413 after 1 MiB, the rest is never read", async () => {
    let pulled = 0;
    const chunk = new TextEncoder().encode(`"${"x".repeat(64 * 1024 - 2)}"`);
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += chunk.byteLength;
        if (pulled > 64 * 1024 * 1024) controller.close();
        else controller.enqueue(chunk);
      },
    });
    // A stream and no Content-Length: what a chunked upload looks like to the handler.
    const init = {
      method: "POST",
      headers: { cookie, "content-type": "application/json" },
      body,
      duplex: "half" as const,
    };
    const req = new NextRequest("http://localhost/", init);
    const res = await createList(req, { params: Promise.resolve({ projectId: ws.project.id }) });
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toBe("payload_too_large");
    expect(pulled).toBeLessThan(2 * 1024 * 1024);
  });
});
