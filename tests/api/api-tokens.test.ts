import { describe, expect, it } from "vitest";
import { GET as notFoundRoute } from "@/app/api/v1/[...path]/route";
import { DELETE as revokeToken } from "@/app/api/v1/api-tokens/[id]/route";
import { POST as createToken, GET as listTokens } from "@/app/api/v1/api-tokens/route";
import { GET as me } from "@/app/api/v1/me/route";
import { db } from "@/lib/db";
import { call, signUp } from "../helpers/http";

async function newToken(cookie: string, body: Record<string, unknown> = { name: "ci" }) {
  const res = await call(createToken, { cookie, body });
  expect(res.status).toBe(201);
  return res.json as { id: string; token: string; prefix: string; name: string };
}

describe("API tokens", () => {
  it("authenticates /me exactly like the session, and records last use", async () => {
    const { cookie, user } = await signUp("token");
    const created = await newToken(cookie, { name: "deploy script" });
    expect(created.token).toMatch(/^bwt_[A-Za-z0-9_-]{43}$/);
    expect(created.token.startsWith(created.prefix)).toBe(true);
    const res = await call(me, { token: created.token });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ id: user.id, authenticatedBy: "api_token" });
    const stored = await db().apiToken.findUniqueOrThrow({ where: { id: created.id } });
    expect(stored.lastUsedAt).not.toBeNull();
  });

  it("stores only a hash and never lists the token text", async () => {
    const { cookie } = await signUp("list");
    const created = await newToken(cookie);
    const row = await db().apiToken.findUniqueOrThrow({ where: { id: created.id }, omit: { tokenHash: false } });
    expect(row.tokenHash).not.toContain(created.token);
    expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    const list = await call(listTokens, { cookie });
    expect(list.json.data).toEqual([
      {
        id: created.id,
        name: "ci",
        prefix: created.prefix,
        createdAt: expect.any(String),
        lastUsedAt: null,
        expiresAt: null,
      },
    ]);
    expect(JSON.stringify(list.json)).not.toContain(created.token);
  });

  it("can be created with a token, and expires when asked to", async () => {
    const { cookie } = await signUp("expiry");
    const first = await newToken(cookie, { name: "first", expiresInDays: 30 });
    const second = await call(createToken, { token: first.token, body: { name: "made by token" } });
    expect(second.status).toBe(201);
    const list = await call(listTokens, { cookie });
    const expires = new Date(list.json.data.find((t: { id: string }) => t.id === first.id).expiresAt).getTime();
    expect(Math.round((expires - Date.now()) / 86_400_000)).toBe(30);
  });

  it("rejects a revoked token with 401 and says why", async () => {
    const { cookie } = await signUp("revoke");
    const created = await newToken(cookie);
    const revoked = await call(revokeToken, { method: "DELETE", cookie, params: { id: created.id } });
    expect(revoked.status).toBe(204);
    const res = await call(me, { token: created.token });
    expect(res.status).toBe(401);
    expect(res.json.error).toEqual({ code: "unauthorized", message: "The API token has been revoked" });
    expect((await call(listTokens, { cookie })).json.data).toEqual([]);
  });

  it("rejects an expired token with 401 and says why", async () => {
    const { cookie } = await signUp("expired");
    const created = await newToken(cookie, { name: "short", expiresInDays: 1 });
    await db().apiToken.update({ where: { id: created.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const res = await call(me, { token: created.token });
    expect(res.status).toBe(401);
    expect(res.json.error.message).toBe("The API token has expired");
  });

  it.each([
    ["a missing credential", {}, "Sign in, or send an API token"],
    ["an unknown token", { authorization: "Bearer bwt_not-a-real-token" }, "The API token is not valid"],
    ["a foreign token format", { authorization: "Bearer ghp_abc" }, "The API token is not valid"],
    ["a malformed header", { authorization: "Token abc" }, "must be `Bearer <token>`"],
  ])("answers 401 for %s", async (_label, headers, message) => {
    const res = await call(me, { headers });
    expect(res.status).toBe(401);
    expect(res.json.error.code).toBe("unauthorized");
    expect(res.json.error.message).toContain(message);
  });

  it("lets nobody revoke another user's token (404) and leaves it working", async () => {
    const owner = await signUp("owner");
    const stranger = await signUp("stranger");
    const created = await newToken(owner.cookie);
    const res = await call(revokeToken, { method: "DELETE", cookie: stranger.cookie, params: { id: created.id } });
    expect(res.status).toBe(404);
    expect(res.json.error.code).toBe("not_found");
    expect((await call(me, { token: created.token })).status).toBe(200);
  });

  it("validates the name and expiry, naming the field, and writes nothing", async () => {
    const { cookie, user } = await signUp("invalid");
    for (const [body, field] of [
      [{ name: "" }, "name"],
      [{ name: "x".repeat(101) }, "name"],
      [{ name: "ok", expiresInDays: 0 }, "expiresInDays"],
      [{ name: "ok", expiresInDays: "soon" }, "expiresInDays"],
      [{ name: "ok", scope: "admin" }, "scope"],
    ] as const) {
      const res = await call(createToken, { cookie, body });
      expect(res.status).toBe(422);
      expect(res.json.error.fields).toHaveProperty(field);
    }
    expect(await db().apiToken.count({ where: { userId: user.id } })).toBe(0);
  });

  it("answers unknown API paths with a JSON 404", async () => {
    const res = await call(notFoundRoute, { path: "/api/v1/nope" });
    expect(res.status).toBe(404);
    expect(res.json.error.message).toBe("No API route matches GET /api/v1/nope");
  });
});
