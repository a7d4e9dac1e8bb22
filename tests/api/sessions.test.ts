// Revocable sessions: the cookie names a session row, and every request (API and pages) checks it.
import { afterEach, describe, expect, it, vi } from "vitest";
import { POST as createToken } from "@/app/api/v1/api-tokens/route";
import { POST as signIn } from "@/app/api/v1/auth/sign-in/route";
import { POST as signOut } from "@/app/api/v1/auth/sign-out/route";
import { POST as changePasswordRoute } from "@/app/api/v1/me/password/route";
import { GET as me } from "@/app/api/v1/me/route";
import { DELETE as endOne } from "@/app/api/v1/sessions/[id]/route";
import { DELETE as endAll, GET as listSessions } from "@/app/api/v1/sessions/route";
import { sessionClaims } from "@/lib/auth/session";
import { checkSessionToken } from "@/lib/auth/session-token";
import { SESSION_RECHECK_MS } from "@/lib/auth/sessions/active-session";
import { db } from "@/lib/db";
import { call, cookieFrom, signUp, TEST_PASSWORD } from "../helpers/http";

const CHROME_LINUX =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

/** A second session for the same account, as another device would start it. */
async function signInAgain(email: string, userAgent = CHROME_LINUX, address = "198.51.100.20") {
  const res = await call(signIn, {
    body: { email, password: TEST_PASSWORD },
    headers: { "user-agent": userAgent, "x-forwarded-for": address },
  });
  expect(res.status).toBe(200);
  return cookieFrom(res);
}

/** What a page's auth() keeps of this cookie's token: its jwt callback's answer (null: signed out). */
async function pageToken(cookie: string) {
  const claims = await sessionClaims(new Request("http://localhost/", { headers: { cookie } }));
  if (!claims) throw new Error("the cookie does not decode");
  return checkSessionToken({ sub: claims.userId, sid: claims.sessionId });
}

afterEach(() => {
  vi.useRealTimers();
});

describe("signing out", () => {
  it("ends the session on the server: a copy of the cookie is refused afterwards", async () => {
    const { cookie } = await signUp("copied");
    const copy = cookie;
    expect((await call(me, { cookie: copy })).status).toBe(200);

    const out = await call(signOut, { method: "POST", cookie });
    expect(out.status).toBe(204);
    expect(out.headers.get("set-cookie")).toMatch(/^authjs\.session-token=;.*Max-Age=0/);

    const after = await call(me, { cookie: copy });
    expect(after.status).toBe(401);
    expect(after.json.error.message).toBe("This session has ended (signed out or expired); sign in again");
    expect((await call(createToken, { cookie: copy, body: { name: "stolen" } })).status).toBe(401);
  });

  it("is refused by pages too (Auth.js's jwt callback checks the session row)", async () => {
    const { cookie, user } = await signUp("page");
    expect(await pageToken(cookie)).toMatchObject({ sub: user.id });
    await call(signOut, { method: "POST", cookie });
    expect(await pageToken(cookie)).toBeNull();
  });

  it("ends only this device's session", async () => {
    const { cookie, email } = await signUp("one-device");
    const other = await signInAgain(email);
    await call(signOut, { method: "POST", cookie });
    expect((await call(me, { cookie: other })).status).toBe(200);
  });
});

describe("the session list", () => {
  it("lists device, address and last seen, marks this session, and ends another one", async () => {
    const { cookie, email, user } = await signUp("listing");
    const laptop = await signInAgain(email);
    const list = await call(listSessions, { cookie: laptop });
    expect(list.status).toBe(200);
    expect(list.json.data).toHaveLength(2);
    const mine = list.json.data.find((s: { current: boolean }) => s.current);
    expect(mine).toMatchObject({
      device: { browser: "Chrome", os: "Linux" },
      ipAddress: "198.51.100.20",
      userAgent: CHROME_LINUX,
      lastSeenAt: expect.any(String),
    });
    const first = list.json.data.find((s: { current: boolean }) => !s.current);

    const ended = await call(endOne, { method: "DELETE", cookie: laptop, params: { id: first.id } });
    expect(ended.status).toBe(204);
    expect(ended.headers.get("set-cookie")).toBeNull();
    expect((await call(me, { cookie })).status).toBe(401);
    expect((await call(me, { cookie: laptop })).status).toBe(200);
    expect(await db().session.count({ where: { userId: user.id, revokedAt: null } })).toBe(1);
  });

  it("ending the current session clears its cookie", async () => {
    const { cookie } = await signUp("self-end");
    const { json } = await call(listSessions, { cookie });
    const res = await call(endOne, { method: "DELETE", cookie, params: { id: json.data[0].id } });
    expect(res.status).toBe(204);
    expect(res.headers.get("set-cookie")).toMatch(/Max-Age=0/);
    expect((await call(me, { cookie })).status).toBe(401);
  });

  it("answers 404 for another user's session and leaves it alone", async () => {
    const owner = await signUp("owner");
    const stranger = await signUp("stranger");
    const { json } = await call(listSessions, { cookie: owner.cookie });
    const res = await call(endOne, { method: "DELETE", cookie: stranger.cookie, params: { id: json.data[0].id } });
    expect(res.status).toBe(404);
    expect((await call(me, { cookie: owner.cookie })).status).toBe(200);
  });

  it("signs out everywhere: every session ends, this one included", async () => {
    const { cookie, email } = await signUp("everywhere");
    const phone = await signInAgain(
      email,
      "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) Version/17.5 Safari/604.1",
    );
    const res = await call(endAll, { method: "DELETE", cookie });
    expect(res.status).toBe(204);
    expect(res.headers.get("set-cookie")).toMatch(/Max-Age=0/);
    for (const c of [cookie, phone]) expect((await call(me, { cookie: c })).status).toBe(401);
  });
});

describe("changing the password", () => {
  it("checks the current password, ends every other session, and keeps this one", async () => {
    const { cookie, email } = await signUp("password");
    const other = await signInAgain(email);
    const wrong = await call(changePasswordRoute, {
      cookie,
      body: { currentPassword: "not-my-password", newPassword: "a-brand-new-password" },
    });
    expect(wrong.status).toBe(422);
    expect(wrong.json.error.fields).toEqual({ currentPassword: ["is not your current password"] });
    expect((await call(me, { cookie: other })).status).toBe(200);

    const res = await call(changePasswordRoute, {
      cookie,
      body: { currentPassword: TEST_PASSWORD, newPassword: "a-brand-new-password" },
    });
    expect(res.status).toBe(204);
    expect((await call(me, { cookie })).status).toBe(200);
    expect((await call(me, { cookie: other })).status).toBe(401);
    expect((await call(signIn, { body: { email, password: TEST_PASSWORD } })).status).toBe(401);
    expect((await call(signIn, { body: { email, password: "a-brand-new-password" } })).status).toBe(200);
  });

  it("refuses a new password equal to the current one or too short, naming the field", async () => {
    const { cookie } = await signUp("same-password");
    for (const newPassword of [TEST_PASSWORD, "short"]) {
      const res = await call(changePasswordRoute, { cookie, body: { currentPassword: TEST_PASSWORD, newPassword } });
      expect(res.status).toBe(422);
      expect(Object.keys(res.json.error.fields)).toEqual(["newPassword"]);
    }
  });
});

describe("the per-process session check", () => {
  it(`notices a session ended by another process within ${SESSION_RECHECK_MS / 1000} s`, async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const { cookie, user } = await signUp("other-process");
    expect((await call(me, { cookie })).status).toBe(200);
    // Another process ends it: only the row changes, this process's kept answer does not.
    await db().session.updateMany({ where: { userId: user.id }, data: { revokedAt: new Date() } });
    expect((await call(me, { cookie })).status).toBe(200);
    vi.setSystemTime(Date.now() + SESSION_RECHECK_MS);
    expect((await call(me, { cookie })).status).toBe(401);
  });

  it("writes last seen at most once a minute", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const { cookie, user } = await signUp("last-seen");
    const lastSeen = async () => (await db().session.findFirstOrThrow({ where: { userId: user.id } })).lastSeenAt;
    const started = await lastSeen();
    vi.setSystemTime(Date.now() + 30_000);
    await call(me, { cookie });
    expect(await lastSeen()).toEqual(started);
    vi.setSystemTime(Date.now() + 31_000);
    await call(me, { cookie });
    const seen = await lastSeen();
    expect(seen.getTime()).toBeGreaterThan(started.getTime() + 60_000);
    vi.setSystemTime(Date.now() + SESSION_RECHECK_MS);
    await call(me, { cookie });
    expect(await lastSeen()).toEqual(seen);
  });

  it("refuses a cookie that names no session (made before sessions had ids)", async () => {
    const { encode } = await import("next-auth/jwt");
    const { user } = await signUp("legacy");
    const value = await encode({
      token: { sub: user.id, email: user.email },
      secret: process.env.AUTH_SECRET as string,
      salt: "authjs.session-token",
    });
    expect((await call(me, { cookie: `authjs.session-token=${value}` })).status).toBe(401);
  });
});
