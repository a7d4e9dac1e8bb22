// Rate limits in PostgreSQL: sign-in and sign-up backoff per account and per address (shared by
// every process), and the per-token request limit with its RateLimit headers.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as createToken } from "@/app/api/v1/api-tokens/route";
import { POST as signIn } from "@/app/api/v1/auth/sign-in/route";
import { POST as signUpRoute } from "@/app/api/v1/auth/sign-up/route";
import { POST as changePassword } from "@/app/api/v1/me/password/route";
import { GET as me } from "@/app/api/v1/me/route";
import { TOKEN_REQUESTS_PER_MINUTE } from "@/lib/api-tokens/authenticate-api-token";
import { ACCOUNT_POLICY, ADDRESS_POLICY } from "@/lib/auth/password-attempts";
import { db } from "@/lib/db";
import { waitFor } from "@/tools/inngest-local/test-support";
import { call, signUp, TEST_PASSWORD, uniqueEmail } from "../helpers/http";
import { type RouteChild, startRouteChild } from "../helpers/route-child";

const FREE = ACCOUNT_POLICY.freeFailures;
let addressCounter = 0;
/** A client address of this test's own, so that tests never share an address counter. */
const newAddress = () => `203.0.113.${++addressCounter}`;

const attempt = (email: string, password: string, address = newAddress()) =>
  call(signIn, { body: { email, password }, headers: { "x-forwarded-for": address } });

/** As if the lockouts of these counters had run out. */
const endLockouts = (pattern: string) =>
  db().$executeRaw`UPDATE rate_limits SET locked_until = now() - interval '1 second' WHERE key LIKE ${pattern}`;

describe("sign-in per account", () => {
  it(`allows ${FREE} wrong passwords, then answers 429 with Retry-After — even for the right password`, async () => {
    const { email } = await signUp("locked");
    for (let i = 0; i < FREE; i++) expect((await attempt(email, "wrong-password")).status).toBe(401);
    const refused = await attempt(email, "wrong-password");
    expect(refused.status).toBe(429);
    expect(refused.json.error.code).toBe("rate_limited");
    expect(refused.json.error.message).toMatch(/^Too many failed sign-in attempts\. Try again in \d+ seconds\.$/);
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(ACCOUNT_POLICY.firstLockSeconds);
    const right = await attempt(email, TEST_PASSWORD);
    expect(right.status).toBe(429);
    expect(right.headers.get("set-cookie")).toBeNull();
  });

  it("doubles the lockout with each further failure, and a success starts over", async () => {
    const { email } = await signUp("doubling");
    for (let i = 0; i < FREE; i++) await attempt(email, "wrong-password");
    await endLockouts(`password:account:${email}`);
    expect((await attempt(email, "wrong-password")).status).toBe(401);
    const second = await attempt(email, "wrong-password");
    expect(second.status).toBe(429);
    expect(Number(second.headers.get("retry-after"))).toBeGreaterThan(ACCOUNT_POLICY.firstLockSeconds);
    expect(Number(second.headers.get("retry-after"))).toBeLessThanOrEqual(2 * ACCOUNT_POLICY.firstLockSeconds);

    await endLockouts(`password:account:${email}`);
    expect((await attempt(email, TEST_PASSWORD)).status).toBe(200);
    expect(await db().rateLimit.findUnique({ where: { key: `password:account:${email}` } })).toBeNull();
    for (let i = 0; i < FREE - 1; i++) expect((await attempt(email, "wrong-password")).status).toBe(401);
  });

  it("counts parallel attempts before checking them, so a burst gets no more than the free ones", async () => {
    const { email } = await signUp("burst");
    const results = await Promise.all(Array.from({ length: 20 }, () => attempt(email, "wrong-password")));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 401)).toHaveLength(FREE);
    expect(statuses.filter((s) => s === 429)).toHaveLength(20 - FREE);
  });

  it("counts unknown e-mails too, and locks them out the same way", async () => {
    const email = uniqueEmail("ghost");
    for (let i = 0; i < FREE; i++) expect((await attempt(email, "any-password")).status).toBe(401);
    expect((await attempt(email, "any-password")).status).toBe(429);
  });

  it("guards the password change with the same counter", async () => {
    const { email, cookie } = await signUp("change");
    const address = newAddress();
    for (let i = 0; i < FREE; i++) {
      const res = await call(changePassword, {
        cookie,
        body: { currentPassword: "not-my-password", newPassword: "another-password-1" },
        headers: { "x-forwarded-for": address },
      });
      expect(res.status).toBe(422);
    }
    const res = await call(changePassword, {
      cookie,
      body: { currentPassword: TEST_PASSWORD, newPassword: "another-password-1" },
      headers: { "x-forwarded-for": address },
    });
    expect(res.status).toBe(429);
    expect((await attempt(email, TEST_PASSWORD)).status).toBe(429);
  });
});

describe("sign-in per client address", () => {
  it(`locks an address out after ${ADDRESS_POLICY.freeFailures} failures across accounts; other addresses go on`, async () => {
    const address = newAddress();
    for (let i = 0; i < ADDRESS_POLICY.freeFailures; i++) {
      expect((await attempt(uniqueEmail("spray"), "password-123", address)).status).toBe(401);
    }
    const { email } = await signUp("victim");
    expect((await attempt(email, TEST_PASSWORD, address)).status).toBe(429);
    expect((await attempt(email, TEST_PASSWORD, newAddress())).status).toBe(200);
  });

  it("never locks an address out for sign-ins that succeed", async () => {
    const { email } = await signUp("regular");
    const address = newAddress();
    for (let i = 0; i < ADDRESS_POLICY.freeFailures + 5; i++) {
      expect((await attempt(email, TEST_PASSWORD, address)).status).toBe(200);
    }
    const row = await db().rateLimit.findUniqueOrThrow({ where: { key: `password:address:${address}` } });
    expect(row).toMatchObject({ failures: 0, lockedUntil: null });
  });
});

describe("sign-in across two processes", () => {
  let other: RouteChild;
  beforeAll(async () => {
    other = await startRouteChild("sign-in");
  });
  afterAll(async () => {
    await other?.stop();
  });

  const attemptThere = async (email: string, password: string) => {
    const res = await fetch(`${other.url}/api/v1/auth/sign-in`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email, password }),
    });
    return { status: res.status, headers: res.headers, json: await res.json() };
  };

  it("shares one limit: attempts alternating between the processes are counted together", async () => {
    const { email } = await signUp("two-processes");
    const address = newAddress();
    for (let i = 0; i < FREE; i++) {
      const res =
        i % 2 === 0 ? await attemptThere(email, "wrong-password") : await attempt(email, "wrong-password", address);
      expect(res.status).toBe(401);
    }
    const here = await attempt(email, "wrong-password", address);
    expect(here.status).toBe(429);
    const there = await attemptThere(email, TEST_PASSWORD);
    expect(there.status).toBe(429);
    expect(there.json.error.code).toBe("rate_limited");
    expect(Number(there.headers.get("retry-after"))).toBeGreaterThan(0);
  });
});

describe("sign-up", () => {
  it("slows probing for registered e-mails: 409s count, then 429", async () => {
    const { email } = await signUp("taken");
    const body = { name: "Prober", email, password: TEST_PASSWORD };
    for (let i = 0; i < FREE; i++) {
      expect((await call(signUpRoute, { body, headers: { "x-forwarded-for": newAddress() } })).status).toBe(409);
    }
    const refused = await call(signUpRoute, { body, headers: { "x-forwarded-for": newAddress() } });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("locks out an address probing many e-mails, but not one creating accounts", async () => {
    const address = newAddress();
    for (let i = 0; i < ADDRESS_POLICY.freeFailures + 2; i++) {
      const body = { name: "New", email: uniqueEmail("fresh"), password: TEST_PASSWORD };
      expect((await call(signUpRoute, { body, headers: { "x-forwarded-for": address } })).status).toBe(201);
    }
    for (let i = 0; i < ADDRESS_POLICY.freeFailures; i++) {
      const { email } = await signUp("existing");
      const body = { name: "Prober", email, password: TEST_PASSWORD };
      expect((await call(signUpRoute, { body, headers: { "x-forwarded-for": address } })).status).toBe(409);
    }
    const body = { name: "New", email: uniqueEmail("late"), password: TEST_PASSWORD };
    expect((await call(signUpRoute, { body, headers: { "x-forwarded-for": address } })).status).toBe(429);
  });
});

describe("API token requests", () => {
  /**
   * Windows are calendar minutes of the database's clock: a test that fills the current one must
   * not cross into the next before its last request. Waits, if needed, for the next minute to start.
   */
  async function clearOfTheMinuteTurn() {
    await waitFor(
      "a minute with seconds to spare",
      () =>
        db().$queryRaw<{ s: number }[]>`SELECT extract(second FROM now())::float8 AS s`.then(
          ([r]) => r.s < 50 || undefined,
        ),
      { timeoutMs: 15_000, intervalMs: 250 },
    );
  }

  async function newToken() {
    const { cookie } = await signUp("rate");
    const res = await call(createToken, { cookie, body: { name: "busy script" } });
    return res.json as { id: string; token: string };
  }

  it("sends RateLimit-Limit, -Remaining and -Reset on every bearer-token response", async () => {
    const { token } = await newToken();
    const first = await call(me, { token });
    expect(first.status).toBe(200);
    expect(first.headers.get("ratelimit-limit")).toBe(String(TOKEN_REQUESTS_PER_MINUTE));
    expect(first.headers.get("ratelimit-remaining")).toBe(String(TOKEN_REQUESTS_PER_MINUTE - 1));
    const reset = Number(first.headers.get("ratelimit-reset"));
    expect(reset).toBeGreaterThanOrEqual(1);
    expect(reset).toBeLessThanOrEqual(60);
    const second = await call(me, { token });
    // The minute may have turned between the two calls; then the window started over.
    expect([String(TOKEN_REQUESTS_PER_MINUTE - 2), String(TOKEN_REQUESTS_PER_MINUTE - 1)]).toContain(
      second.headers.get("ratelimit-remaining"),
    );
    const invalid = await call(createToken, { token, body: { name: "" } });
    expect(invalid.status).toBe(422);
    expect(invalid.headers.get("ratelimit-limit")).toBe(String(TOKEN_REQUESTS_PER_MINUTE));
  });

  it(`answers 429 with Retry-After past ${TOKEN_REQUESTS_PER_MINUTE} requests in a minute, and starts over the next minute`, async () => {
    const { id, token } = await newToken();
    await call(me, { token });
    await clearOfTheMinuteTurn();
    // The window's count as if the token had already made all but one of its requests this minute.
    await db().$executeRaw`UPDATE api_tokens SET rate_window_count = ${TOKEN_REQUESTS_PER_MINUTE - 1},
      rate_window_start = date_trunc('minute', now()) WHERE id = ${id}`;
    const last = await call(me, { token });
    expect(last.status).toBe(200);
    expect(last.headers.get("ratelimit-remaining")).toBe("0");
    const over = await call(me, { token });
    expect(over.status).toBe(429);
    expect(over.json.error.code).toBe("rate_limited");
    expect(over.headers.get("ratelimit-remaining")).toBe("0");
    expect(over.headers.get("retry-after")).toBe(over.headers.get("ratelimit-reset"));

    await db().$executeRaw`UPDATE api_tokens SET rate_window_start = date_trunc('minute', now()) - interval '1 minute'
      WHERE id = ${id}`;
    const next = await call(me, { token });
    expect(next.status).toBe(200);
    expect(next.headers.get("ratelimit-remaining")).toBe(String(TOKEN_REQUESTS_PER_MINUTE - 1));
  });

  it("limits each token on its own, and leaves session requests without RateLimit headers", async () => {
    const busy = await newToken();
    const calm = await newToken();
    await clearOfTheMinuteTurn();
    await db().$executeRaw`UPDATE api_tokens SET rate_window_count = ${TOKEN_REQUESTS_PER_MINUTE},
      rate_window_start = date_trunc('minute', now()) WHERE id = ${busy.id}`;
    expect((await call(me, { token: busy.token })).status).toBe(429);
    expect((await call(me, { token: calm.token })).status).toBe(200);
    const { cookie } = await signUp("session-only");
    expect((await call(me, { cookie })).headers.get("ratelimit-limit")).toBeNull();
  });
});
