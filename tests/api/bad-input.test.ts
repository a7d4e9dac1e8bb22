// Property-based: no input gives a 5xx. For every operation of the OpenAPI registry (so a new route
// is covered as soon as it is documented), fast-check builds requests from the route's own zod
// schemas and breaks one or more of their parts: the body (wrong types, missing and unknown fields,
// Object.prototype's names, huge and deep values, NUL and lone surrogates, out-of-range numbers and
// dates, other users' ids; bad JSON, bad UTF-8, other content types, over 1 MiB), the query string,
// the path ids (another user's objects, other kinds, garbage) and the credentials (none, garbage).
// The route handler is called in-process; every answer must be below 500, a request with a broken
// part a 4xx with the documented error body, and no row of either fixture user may change. Every
// route file also answers the methods it lacks with a JSON 405 and `Allow`.
//
// Runs per operation: BAD_INPUT_RUNS (default 50: about 3,000 requests, some 30 s). A longer run:
//   BAD_INPUT_RUNS=2000 npx vitest run tests/api/bad-input.test.ts
// To replay a failure, pass the seed fast-check printed, with the same runs: BAD_INPUT_SEED=<seed>.
import fc from "fast-check";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { ERROR_STATUS } from "@/lib/api/errors";
import { MAX_JSON_DEPTH } from "@/lib/api/request";
import { db, pool } from "@/lib/db";
import { encodeCursor } from "@/lib/delivery-log/delivery-cursor";
import { settlePublishing } from "@/lib/events/publish-events";
import { OPERATIONS, type Operation } from "@/lib/openapi/document";
import {
  badQueryPart,
  build,
  type IdPools,
  type JsonSchema,
  jsonText,
  type Mutation,
  mutate,
  mutation,
  nestsDeeperThan,
  plausible,
  plausibleQuery,
  type QueryPart,
  queryString,
  type RawBody,
  rawBody,
} from "../helpers/bad-input";
import { call } from "../helpers/http";
import { createWorkspace, eventsBy } from "../helpers/workspace";

const RUNS = Number(process.env.BAD_INPUT_RUNS ?? 50);
const SEED = process.env.BAD_INPUT_SEED ? Number(process.env.BAD_INPUT_SEED) : undefined;

afterAll(settlePublishing);

// biome-ignore lint/suspicious/noExplicitAny: route modules export handlers with their own params types
type Handler = (req: NextRequest, segment: { params: Promise<any> }) => Promise<Response>;
const ROUTE_FILES = import.meta.glob<Record<string, Handler>>("../../app/api/v1/**/route.ts");

/** The route file of an OpenAPI path: /lists/{id} → app/api/v1/lists/[id]/route.ts. */
const routeFile = (path: string) => `../../app/api/v1${path.replace(/\{(\w+)\}/g, "[$1]")}/route.ts`;

/** Path parameters, each after the collection it names: /todos/{id}/custom-fields/{fieldId}. */
const pathParams = (path: string) =>
  [...path.matchAll(/([\w-]+)\/\{(\w+)\}/g)].map(([, collection, name]) => ({ collection, name }));

const inputSchema = (schema: z.ZodType) =>
  z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonSchema;

type Fixture = Awaited<ReturnType<typeof makeFixture>>;
let me: Fixture;
let victim: Fixture;
let ids: IdPools;

/** A user with one of everything, made through the API; ids by the path collection that names them. */
async function makeFixture(label: string) {
  const { owner, project } = await createWorkspace(label);
  const cookie = owner.cookie;
  const route = async (path: string) => (await ROUTE_FILES[routeFile(path)]()).POST;
  const post = async (path: string, params: Record<string, string>, body: unknown) => {
    const res = await call(await route(path), { cookie, params, body });
    if (res.status >= 300) throw new Error(`fixture ${path}: ${res.status} ${JSON.stringify(res.json)}`);
    return res.json;
  };
  const list = await post("/projects/{projectId}/lists", { projectId: project.id }, { title: "List" });
  const todo = await post(
    "/projects/{projectId}/todos",
    { projectId: project.id },
    { todoListId: list.id, title: "T" },
  );
  const checklist = await post("/todos/{id}/checklists", { id: todo.id }, { title: "C" });
  const item = await post("/checklists/{id}/items", { id: checklist.id }, { title: "I" });
  const comment = await post("/todos/{id}/comments", { id: todo.id }, { text: "Hi" });
  const tag = await post("/projects/{projectId}/tags", { projectId: project.id }, { title: "Tag", color: "#112233" });
  const field = await post(
    "/projects/{projectId}/custom-fields",
    { projectId: project.id },
    { name: "Note", type: "TEXT_SINGLE" },
  );
  const webhook = await post("/webhooks", {}, { name: "Hook", url: "http://127.0.0.1:9/bad-input" });
  const token = await post("/api-tokens", {}, { name: "Token" });
  const replay = await post("/webhooks/{id}/replay", { id: webhook.id }, { since: "2026-01-01T00:00:00Z" });
  const delivery = await db().delivery.create({
    data: {
      webhookId: webhook.id,
      eventType: "TODO_CREATED",
      messageId: `msg_${webhook.id}`,
      body: "{}",
      status: "DELIVERED",
    },
  });
  const company = (await post("/companies", {}, { name: "Company" })).data;
  const invitation = (
    await post(
      "/companies/{companyId}/invitations",
      { companyId: company.id },
      { email: `${label}@invited.test`, role: "MEMBER" },
    )
  ).data;
  const notice = await db().notice.create({ data: { userId: owner.user.id, kind: "test", title: "T", body: "B" } });
  const [event] = await eventsBy(owner.user.id);
  const sessions = await call((await ROUTE_FILES[routeFile("/sessions")]()).GET, { cookie });
  return {
    userId: owner.user.id,
    cookie,
    token: token.token as string,
    projectId: project.id,
    /** By path collection: the object a path id of that collection names. */
    byCollection: {
      projects: project.id,
      lists: list.id,
      todos: todo.id,
      checklists: checklist.id,
      "checklist-items": item.id,
      comments: comment.id,
      tags: tag.id,
      "custom-fields": field.id,
      webhooks: webhook.id,
      "api-tokens": token.id,
      replays: replay.id,
      deliveries: delivery.id,
      events: event.id,
      sessions: sessions.json.data.find((session: { current: boolean }) => session.current).id,
      companies: company.id,
      members: owner.user.id,
      invitations: invitation.id,
      notices: notice.id,
    } as Record<string, string>,
    /** By body field: the objects such a field may name. */
    byField: {
      todoListId: [list.id],
      projectId: [project.id],
      projectIds: [project.id],
      tagIds: [tag.id],
      assigneeIds: [owner.user.id],
    } as Record<string, string[]>,
  };
}

/**
 * A digest of every row that belongs to the two fixture users (and of any account signed up with
 * the generator's e-mail domain). Left out: what reading or background work updates (an event's
 * publishing, a token's last use and rate window, a session's last-seen time).
 */
async function digest(): Promise<string> {
  const { rows } = await pool().query<{ digest: string }>({
    // Prepared once per connection: planning this query cost more than running it.
    name: "bad-input-digest",
    text: `WITH u AS (SELECT unnest($1::text[]) AS id),
          p AS (SELECT id FROM projects WHERE id = ANY($2::text[])),
          t AS (SELECT id FROM todos WHERE project_id IN (SELECT id FROM p)),
          w AS (SELECT id FROM webhooks WHERE created_by_id IN (SELECT id FROM u))
     SELECT md5(string_agg(r, E'\\n' ORDER BY r)) AS digest FROM (
       SELECT 'user ' || x::text AS r FROM users x WHERE id IN (SELECT id FROM u) OR email LIKE '%@bad-input.test'
       UNION ALL SELECT 'project ' || x::text FROM projects x WHERE id IN (SELECT id FROM p)
       UNION ALL SELECT 'member ' || x::text FROM project_members x WHERE project_id IN (SELECT id FROM p) OR user_id IN (SELECT id FROM u)
       UNION ALL SELECT 'company member ' || x::text FROM company_members x WHERE user_id IN (SELECT id FROM u)
       UNION ALL SELECT 'list ' || x::text FROM todo_lists x WHERE project_id IN (SELECT id FROM p)
       UNION ALL SELECT 'todo ' || x::text FROM todos x WHERE id IN (SELECT id FROM t)
       UNION ALL SELECT 'assignee ' || x::text FROM todo_assignees x WHERE todo_id IN (SELECT id FROM t)
       UNION ALL SELECT 'todo tag ' || x::text FROM todo_tags x WHERE todo_id IN (SELECT id FROM t)
       UNION ALL SELECT 'tag ' || x::text FROM tags x WHERE project_id IN (SELECT id FROM p)
       UNION ALL SELECT 'field ' || x::text FROM custom_fields x WHERE project_id IN (SELECT id FROM p)
       UNION ALL SELECT 'value ' || x::text FROM todo_custom_field_values x WHERE todo_id IN (SELECT id FROM t)
       UNION ALL SELECT 'checklist ' || x::text FROM checklists x WHERE todo_id IN (SELECT id FROM t)
       UNION ALL SELECT 'item ' || x::text FROM checklist_items x
         WHERE checklist_id IN (SELECT id FROM checklists WHERE todo_id IN (SELECT id FROM t))
       UNION ALL SELECT 'item assignee ' || x::text FROM checklist_item_assignees x WHERE user_id IN (SELECT id FROM u)
       UNION ALL SELECT 'comment ' || x::text FROM comments x WHERE todo_id IN (SELECT id FROM t) OR author_id IN (SELECT id FROM u)
       UNION ALL SELECT 'event ' || x.id FROM events x WHERE project_id IN (SELECT id FROM p) OR actor_id IN (SELECT id FROM u)
       UNION ALL SELECT 'webhook ' || x::text FROM webhooks x WHERE id IN (SELECT id FROM w)
       UNION ALL SELECT 'delivery ' || x::text FROM deliveries x WHERE webhook_id IN (SELECT id FROM w)
       UNION ALL SELECT 'attempt ' || x::text FROM delivery_attempts x WHERE webhook_id IN (SELECT id FROM w)
       UNION ALL SELECT 'replay ' || x::text FROM replay_jobs x WHERE user_id IN (SELECT id FROM u)
       UNION ALL SELECT 'notice ' || x::text FROM notices x WHERE user_id IN (SELECT id FROM u)
       UNION ALL SELECT 'token ' || concat_ws(' ', x.id, x.name, x.expires_at, x.revoked_at) FROM api_tokens x
         WHERE user_id IN (SELECT id FROM u)
       UNION ALL SELECT 'session ' || concat_ws(' ', x.id, x.expires_at, x.revoked_at) FROM sessions x
         WHERE user_id IN (SELECT id FROM u)
     ) rows`,
    values: [
      [me.userId, victim.userId],
      [me.projectId, victim.projectId],
    ],
  });
  return rows[0].digest;
}

beforeAll(async () => {
  me = await makeFixture("bad-input");
  victim = await makeFixture("bad-input-victim");
  ids = {
    own: me.byField,
    wrong: [...Object.values(victim.byCollection), victim.userId, "cm0000000000000000000000000", "0", "null"],
  };
});

/** One request: each part is either as the route expects it or broken. */
type Case = {
  auth: { kind: "cookie" | "token" | "none" | "garbage-cookie" | "bad-header" | "unknown-token"; good: boolean };
  params: { name: string; value: string; good: boolean }[];
  body?: { kind: "json"; value: unknown; mutations: Mutation[] } | { kind: "raw"; raw: RawBody };
  query: QueryPart[];
  forwardedFor: string;
};

const authArb = (op: Operation) => (forceBad: boolean) => {
  const bad = fc.constantFrom<Case["auth"]["kind"]>("none", "garbage-cookie", "bad-header", "unknown-token");
  // A public route (sign-up, sign-in, sign-out) never gets the fixture's cookie: sign-out would end it.
  const good = op.public ? bad : fc.constantFrom<Case["auth"]["kind"]>("cookie", "token");
  return (forceBad ? bad : fc.oneof({ weight: 4, arbitrary: good }, bad)).map((kind) => ({
    kind,
    good: !op.public && (kind === "cookie" || kind === "token"),
  }));
};

const garbageId = fc.oneof(
  fc.string({ unit: "binary", minLength: 1, maxLength: 30 }),
  fc.constantFrom("\u0000", "a\u0000", "\ud800", "%zz", "%00", "..", "constructor", "__proto__", " ", "-1"),
  fc.constantFrom(1_000, 10_000).map((n) => "c".repeat(n)),
);

/** A path id: the fixture's own object, or another user's, one of another kind, or garbage. */
const paramArb = (collection: string, name: string) => (forceBad: boolean) => {
  const own = me.byCollection[collection] ?? (collection === "event-types" ? "TODO_CREATED" : undefined);
  // Not projects: the fixture user is a member of a second project, a good id for these routes.
  const otherKinds = Object.entries(me.byCollection)
    .filter(([c]) => c !== collection && c !== "projects")
    .map(([, id]) => id);
  const victims = victim.byCollection[collection] ? [fc.constant(victim.byCollection[collection])] : [];
  const wrong = fc.oneof(garbageId, fc.constantFrom(...otherKinds), ...victims);
  const value = own && !forceBad ? fc.oneof({ weight: 4, arbitrary: fc.constant(own) }, wrong) : wrong;
  return value.map((v) => ({ name, value: v, good: v === own }));
};

/** The parts of a request to this operation that can be broken. */
function breakable(op: Operation) {
  return [
    ...(op.body ? ["body"] : []),
    ...(op.query ? ["query"] : []),
    ...pathParams(op.path).map((p) => `param:${p.name}`),
    ...(op.public ? [] : ["auth"]),
  ];
}

function caseArb(op: Operation): fc.Arbitrary<Case> {
  const parts = breakable(op);
  const auth = authArb(op);
  const params = pathParams(op.path).map((p) => ({ name: p.name, arb: paramArb(p.collection, p.name) }));
  const bodySchema = op.body && inputSchema(op.body);
  const querySchema = op.query && inputSchema(op.query);
  const raw = rawBody.map((raw) => ({ kind: "raw" as const, raw }));
  // Mostly one broken part with the others right, so that the broken one is what the route sees.
  // A GET may be sent whole (it must still not fail); any other request has a broken part.
  const brokenParts = fc.oneof(
    {
      weight: 3,
      arbitrary: parts.length ? fc.constantFrom(...parts).map((part) => [part]) : fc.constant<string[]>([]),
    },
    { weight: 1, arbitrary: fc.subarray(parts, { minLength: op.method === "get" || parts.length === 0 ? 0 : 1 }) },
  );
  /** Right most of the time when not chosen to be broken. */
  const mostlyNone = <T>(some: fc.Arbitrary<T[]>) => fc.oneof({ weight: 4, arbitrary: fc.constant<T[]>([]) }, some);
  return brokenParts.chain((broken) => {
    const has = (part: string) => broken.includes(part);
    // A part chosen to be broken really is: a mutation can leave a body valid (an id field the
    // schema lacks, a value that still fits), and a bad query part can be ignored.
    const json = bodySchema
      ? fc
          .record({
            kind: fc.constant("json" as const),
            value: plausible(bodySchema, ids),
            mutations: has("body")
              ? fc.array(mutation(ids), { minLength: 1, maxLength: 3 })
              : mostlyNone(fc.array(mutation(ids), { maxLength: 2 })),
          })
          .filter((body) => !has("body") || bodyToSend(op, body).refused)
      : undefined;
    // A route without a body schema ignores a body: it gets noise, never counted as the broken part
    // (a GET gets none: a Request cannot carry one).
    const body: fc.Arbitrary<Case["body"]> = json
      ? fc.oneof({ weight: 4, arbitrary: json }, { weight: has("body") ? 1 : 0, arbitrary: raw })
      : op.method === "get"
        ? fc.constant(undefined)
        : fc.option(raw, { nil: undefined });
    const query = querySchema
      ? fc
          .tuple(
            plausibleQuery(querySchema, ids),
            has("query")
              ? fc.array(badQueryPart(querySchema, [...ids.wrong, ...BAD_CURSORS]), { minLength: 1, maxLength: 2 })
              : mostlyNone(fc.array(badQueryPart(querySchema, [...ids.wrong, ...BAD_CURSORS]), { maxLength: 1 })),
          )
          .map(([good, bad]) => [...good, ...bad])
          .filter((parts) => !has("query") || refusedQuery(op.query, new URLSearchParams(queryString(parts))))
      : fc.array(badQueryPart({}, ids.wrong), { maxLength: 1 });
    return fc.record({
      auth: auth(has("auth")),
      params: fc.tuple(...params.map((p) => p.arb(has(`param:${p.name}`)))),
      body,
      query,
      forwardedFor: fc.integer({ min: 1, max: 254 }).map((n) => `198.51.100.${n}`),
    });
  });
}

/** Cursors this API never returns: out of PostgreSQL's range, a NUL in the id, not a date at all. */
const cursorOf = (parts: unknown) => Buffer.from(JSON.stringify(parts)).toString("base64url");
const BAD_CURSORS = [
  cursorOf(["-271821-04-20T00:00:00.000Z", "cm0000000000000000000000000"]),
  cursorOf(["+275760-09-13T00:00:00.000Z", "cm0000000000000000000000000"]),
  cursorOf(["2026-01-01T00:00:00.000Z", "cm\u0000"]),
  cursorOf(["2026-02-30T00:00:00.000Z", "cm0000000000000000000000000"]),
  cursorOf([{}, []]),
  cursorOf({ constructor: 1 }),
  encodeCursor({ createdAt: new Date("2026-01-01T00:00:00Z"), id: "cm0000000000000000000000000" }),
  "!!!",
];

type Sent = { body?: string | Uint8Array<ArrayBuffer>; contentType?: string; refused: boolean };

const sentBodies = new WeakMap<object, Sent>();

/** The body as sent, and whether the route must refuse it (kept: the arbitrary's filter asks first). */
function bodyToSend(op: Operation, body: Case["body"]): Sent {
  if (!body) return { refused: false };
  const sent = sentBodies.get(body) ?? prepareBody(op, body);
  sentBodies.set(body, sent);
  return sent;
}

function prepareBody(op: Operation, body: NonNullable<Case["body"]>): Sent {
  if (body.kind === "json") {
    const { body: value, wrongIdAt } = mutate(body.value, body.mutations, ids);
    const text = jsonText(build(value));
    return {
      body: text,
      contentType: "application/json",
      refused: !!op.body && refusedText(op.body, text, wrongIdAt.length > 0),
    };
  }
  const raw = body.raw;
  if (raw.kind === "oversize") {
    return { body: `"${"x".repeat(raw.size)}"`, contentType: "application/json", refused: !!op.body };
  }
  if (raw.kind === "bytes")
    return { body: Uint8Array.from(raw.bytes), contentType: raw.contentType, refused: !!op.body };
  const json = /^application\/(.+\+)?json\b/i.test(raw.contentType);
  return {
    body: raw.text,
    contentType: raw.contentType,
    refused: !!op.body && (!json || refusedText(op.body, raw.text, false)),
  };
}

/** What no route may accept: not JSON, over 1 MiB, too deep, text PostgreSQL cannot store, wrong ids, or invalid. */
function refusedText(schema: z.ZodType, text: string, wrongIds: boolean): boolean {
  if (wrongIds || Buffer.byteLength(text) > 1024 * 1024 || nestsDeeperThan(text, MAX_JSON_DEPTH)) return true;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return true;
  }
  return unstorable(value) || !schema.safeParse(value).success;
}

/** A NUL or a lone surrogate in any string or key. */
function unstorable(value: unknown): boolean {
  if (typeof value === "string") {
    return value.includes("\u0000") || /[\ud800-\udfff]/.test(value.replace(/[\ud800-\udbff][\udc00-\udfff]/g, ""));
  }
  if (value === null || typeof value !== "object") return false;
  return Object.entries(value).some(([k, v]) => unstorable(k) || unstorable(v));
}

function refusedQuery(schema: z.ZodObject | undefined, search: URLSearchParams): boolean {
  if (!schema) return false;
  const values = new Map<string, string[]>();
  for (const [key, value] of search) {
    const list = values.get(key);
    if (list) list.push(value);
    else values.set(key, [value]);
  }
  if ([...values].some(([key, list]) => unstorable(key) || list.some(unstorable))) return true;
  return !schema.safeParse(Object.fromEntries([...values].map(([k, list]) => [k, list.length === 1 ? list[0] : list])))
    .success;
}

const errorBody = z.strictObject({
  error: z.strictObject({
    code: z.enum(Object.keys(ERROR_STATUS) as [keyof typeof ERROR_STATUS]),
    message: z.string().min(1),
    fields: z.record(z.string(), z.array(z.string().min(1)).min(1)).optional(),
  }),
});

const CREDENTIALS: Record<Case["auth"]["kind"], (headers: Headers) => void> = {
  cookie: (h) => h.set("cookie", me.cookie),
  token: (h) => h.set("authorization", `Bearer ${me.token}`),
  none: () => {},
  "garbage-cookie": (h) => h.set("cookie", "authjs.session-token=garbage; __Secure-authjs.session-token=x"),
  "bad-header": (h) => h.set("authorization", "Basic dXNlcjpwYXNz"),
  "unknown-token": (h) => h.set("authorization", "Bearer blue_00000000000000000000000000000000"),
};

function urlSegment(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return "lone-surrogate";
  }
}

/** Sends the case to the handler; `refused` says whether a 4xx is required. */
async function send(op: Operation, handler: Handler, c: Case) {
  const headers = new Headers({ "x-forwarded-for": c.forwardedFor });
  CREDENTIALS[c.auth.kind](headers);
  const body = bodyToSend(op, c.body);
  if (body.contentType) headers.set("content-type", body.contentType);
  const query = queryString(c.query);
  const path = op.path.replace(/\{(\w+)\}/g, (_, name) =>
    urlSegment(c.params.find((p) => p.name === name)?.value ?? ""),
  );
  const req = new NextRequest(`http://localhost/api/v1${path}${query ? `?${query}` : ""}`, {
    method: op.method.toUpperCase(),
    headers,
    body: body.body,
  });
  const params = Object.fromEntries(c.params.map((p) => [p.name, p.value]));
  const res = await handler(req, { params: Promise.resolve(params) });
  const refused =
    (!op.public && !c.auth.good) ||
    c.params.some((p) => !p.good) ||
    body.refused ||
    refusedQuery(op.query, req.nextUrl.searchParams);
  return { status: res.status, text: await res.text(), refused };
}

describe("no input gives a 5xx, and a broken request is a 4xx that writes nothing", () => {
  it.each(OPERATIONS.map((op) => [`${op.method.toUpperCase()} ${op.path}`, op] as const))(
    "%s",
    async (_, op) => {
      const load = ROUTE_FILES[routeFile(op.path)];
      expect(load, `no route file for ${op.path}`).toBeDefined();
      const handler = (await load())[op.method.toUpperCase()];
      expect(handler, `${routeFile(op.path)} exports no ${op.method.toUpperCase()}`).toBeTypeOf("function");
      // Taken per operation, so that one operation that writes does not fail all that follow.
      const baseline = await digest();
      await fc.assert(
        fc.asyncProperty(caseArb(op), async (c) => {
          const { status, text, refused } = await send(op, handler, c);
          expect(status, text.slice(0, 500)).toBeLessThan(500);
          if (refused) expect(status, text.slice(0, 500)).toBeGreaterThanOrEqual(400);
          if (status >= 400) {
            const parsed = errorBody.safeParse(JSON.parse(text));
            expect(parsed.error?.issues ?? [], text.slice(0, 500)).toEqual([]);
            expect(ERROR_STATUS[parsed.data?.error.code ?? "internal_error"]).toBe(status);
          }
          expect(await digest(), "a row of the fixture users changed").toBe(baseline);
        }),
        { numRuns: RUNS, seed: SEED },
      );
    },
    RUNS * 500 + 30_000,
  );
});

describe("a method a route does not have", () => {
  const METHODS = ["GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH", "DELETE"];
  const files = Object.keys(ROUTE_FILES).filter((file) => !file.includes("[..."));
  /** The methods a route file has: its documented operations (the document itself is not in it). */
  const allowedIn = (file: string) => {
    const methods = OPERATIONS.filter((op) => routeFile(op.path) === file).map((op) => op.method.toUpperCase());
    return file.endsWith("/openapi.json/route.ts") ? ["GET"] : methods;
  };

  it.each(files)("%s answers every other method with a JSON 405 and Allow", async (file) => {
    const route = await ROUTE_FILES[file]();
    const allowed = allowedIn(file);
    expect(allowed.length, "an undocumented route file").toBeGreaterThan(0);
    const allow = [...allowed, ...(allowed.includes("GET") ? ["HEAD"] : []), "OPTIONS"].sort().join(", ");
    const url = `http://localhost${file.replace("../../app", "").replace("/route.ts", "")}`;
    for (const method of METHODS.filter((m) => !allowed.includes(m) && !(m === "HEAD" && allowed.includes("GET")))) {
      const handler = route[method];
      expect(handler, `${file} exports no ${method}`).toBeTypeOf("function");
      const res = await handler(new NextRequest(url, { method }), { params: Promise.resolve({}) });
      expect(res.headers.get("allow"), method).toBe(allow);
      if (method === "OPTIONS") expect(res.status).toBe(204);
      else {
        expect(res.status, method).toBe(405);
        expect(errorBody.parse(await res.json()).error.code).toBe("method_not_allowed");
      }
    }
  });
});
