import { describe, expect, it } from "vitest";
import { POST as signIn } from "@/app/api/v1/auth/sign-in/route";
import { POST as signOut } from "@/app/api/v1/auth/sign-out/route";
import { POST as signUpRoute } from "@/app/api/v1/auth/sign-up/route";
import { GET as me } from "@/app/api/v1/me/route";
import { call, cookieFrom, signUp, TEST_PASSWORD, uniqueEmail } from "../helpers/http";

describe("sign-up", () => {
  it("creates the account, starts a session and never returns the password hash", async () => {
    const email = uniqueEmail("new");
    const res = await call(signUpRoute, {
      body: { name: "  Ada  ", email: email.toUpperCase(), password: TEST_PASSWORD },
    });
    expect(res.status).toBe(201);
    expect(res.json).toEqual({ id: expect.any(String), email, name: "Ada", createdAt: expect.any(String) });
    expect(JSON.stringify(res.json)).not.toMatch(/password/i);
    const cookie = res.headers.get("set-cookie")!;
    expect(cookie).toMatch(/^authjs\.session-token=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    const session = await call(me, { cookie: cookieFrom(res) });
    expect(session.json).toMatchObject({ email, authenticatedBy: "session" });
  });

  it("refuses a second account with the same e-mail with 409 on the email field", async () => {
    const { email } = await signUp("dup");
    const res = await call(signUpRoute, { body: { name: "Again", email, password: TEST_PASSWORD } });
    expect(res.status).toBe(409);
    expect(res.json.error).toMatchObject({ code: "conflict", fields: { email: ["is already registered"] } });
  });

  it.each([
    [{ name: "A", email: "not-an-email", password: TEST_PASSWORD }, "email"],
    [{ name: "A", email: uniqueEmail(), password: "short" }, "password"],
    [{ name: "", email: uniqueEmail(), password: TEST_PASSWORD }, "name"],
    [{ email: uniqueEmail(), password: TEST_PASSWORD }, "name"],
    [{ name: "A", email: uniqueEmail(), password: TEST_PASSWORD, admin: true }, "admin"],
  ])("answers 422 naming the field for %j", async (body, field) => {
    const res = await call(signUpRoute, { body });
    expect(res.status).toBe(422);
    expect(res.json.error.code).toBe("validation_failed");
    expect(Object.keys(res.json.error.fields)).toContain(field);
    expect(res.json.error.message).toContain(field);
  });
});

describe("sign-in", () => {
  it("starts a session for the right password", async () => {
    const { email } = await signUp("signin");
    const res = await call(signIn, { body: { email, password: TEST_PASSWORD } });
    expect(res.status).toBe(200);
    expect(res.json.email).toBe(email);
    const session = await call(me, { cookie: cookieFrom(res) });
    expect(session.status).toBe(200);
  });

  it("answers 401 with a clear message for a wrong password or an unknown e-mail, setting no cookie", async () => {
    const { email } = await signUp("wrongpw");
    for (const body of [
      { email, password: "wrong-password" },
      { email: uniqueEmail("ghost"), password: TEST_PASSWORD },
    ]) {
      const res = await call(signIn, { body });
      expect(res.status).toBe(401);
      expect(res.json.error).toEqual({
        code: "invalid_credentials",
        message: "The e-mail address or password is incorrect",
      });
      expect(res.headers.get("set-cookie")).toBeNull();
    }
  });

  it("answers 400 for malformed JSON and 415 for a non-JSON body", async () => {
    const malformed = await call(signIn, {
      rawBody: '{"email": "a@b.c", ',
      headers: { "content-type": "application/json" },
    });
    expect(malformed.status).toBe(400);
    expect(malformed.json.error.code).toBe("invalid_json");
    const form = await call(signIn, {
      rawBody: "email=a@b.c&password=x",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(form.status).toBe(415);
    expect(form.json.error.code).toBe("unsupported_media_type");
    const empty = await call(signIn, { rawBody: "", headers: { "content-type": "application/json" } });
    expect(empty.status).toBe(400);
  });
});

describe("sessions", () => {
  it("rejects a tampered session cookie with 401", async () => {
    const { cookie } = await signUp("tamper");
    const tampered = `${cookie.slice(0, -4)}AAAA`;
    const res = await call(me, { cookie: tampered });
    expect(res.status).toBe(401);
    expect(res.json.error.code).toBe("unauthorized");
  });

  it("sign-out clears the cookie", async () => {
    const { cookie } = await signUp("signout");
    const res = await call(signOut, { method: "POST", cookie });
    expect(res.status).toBe(204);
    expect(res.headers.get("set-cookie")).toMatch(/^authjs\.session-token=;.*Max-Age=0/);
  });

  it("uses the __Secure- cookie behind https", async () => {
    const { email } = await signUp("https");
    const res = await call(signIn, {
      body: { email, password: TEST_PASSWORD },
      headers: { "x-forwarded-proto": "https" },
    });
    const setCookie = res.headers.get("set-cookie")!;
    expect(setCookie).toMatch(/^__Secure-authjs\.session-token=/);
    expect(setCookie).toMatch(/; Secure/);
  });
});
