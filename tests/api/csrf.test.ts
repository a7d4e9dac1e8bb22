// Cookie-authenticated changes must come from the app's own pages (Sec-Fetch-Site / Origin);
// bearer-token calls and requests from non-browser clients are not affected.
import { beforeAll, describe, expect, it } from "vitest";
import { POST as createToken } from "@/app/api/v1/api-tokens/route";
import { POST as signOut } from "@/app/api/v1/auth/sign-out/route";
import { GET as me } from "@/app/api/v1/me/route";
import { POST as disable } from "@/app/api/v1/webhooks/[id]/disable/route";
import { POST as enable } from "@/app/api/v1/webhooks/[id]/enable/route";
import { POST as rotate } from "@/app/api/v1/webhooks/[id]/rotate-secret/route";
import { POST as createWebhook } from "@/app/api/v1/webhooks/route";
import { db } from "@/lib/db";
import { call, signUp } from "../helpers/http";

// The in-process requests are made to http://localhost (tests/helpers/http.ts).
const SAME_ORIGIN = "http://localhost";

let cookie: string;
let webhookId: string;
let token: string;

beforeAll(async () => {
  ({ cookie } = await signUp("csrf"));
  const created = await call(createWebhook, { cookie, body: { name: "Target", url: "http://127.0.0.1:9/hook" } });
  webhookId = created.json.id;
  token = (await call(createToken, { cookie, body: { name: "script" } })).json.token;
});

const secretOf = async () =>
  (await db().webhook.findUniqueOrThrow({ where: { id: webhookId }, omit: { secretEncrypted: false } }))
    .secretEncrypted;

describe("cookie-authenticated mutations from another origin", () => {
  it.each([
    ["a cross-site page", { "sec-fetch-site": "cross-site", origin: "https://evil.example" }],
    ["a page on the same site (sibling subdomain)", { "sec-fetch-site": "same-site", origin: "http://evil.localhost" }],
    ["a page on another port, in a browser without Sec-Fetch-Site", { origin: "http://localhost:8080" }],
    ["an opaque origin (sandboxed frame)", { origin: "null" }],
    ["a top-level navigation the user did not make here", { "sec-fetch-site": "none" }],
  ])("refuses rotate-secret, disable and enable from %s with 403, changing nothing", async (_label, headers) => {
    const before = await secretOf();
    for (const route of [rotate, disable, enable]) {
      const res = await call(route, { method: "POST", cookie, headers, params: { id: webhookId } });
      expect(res.status).toBe(403);
      expect(res.json.error.code).toBe("forbidden");
      expect(res.json.error.message).toMatch(/^Cross-site request refused: a change made with the session cookie/);
    }
    expect(await secretOf()).toBe(before);
    expect((await db().webhook.findUniqueOrThrow({ where: { id: webhookId } })).enabled).toBe(true);
  });

  it("allows the app's own pages: Sec-Fetch-Site same-origin, or an Origin equal to the app's", async () => {
    const appPages: Record<string, string>[] = [
      { "sec-fetch-site": "same-origin", origin: SAME_ORIGIN },
      { origin: SAME_ORIGIN },
      { origin: "http://app.example", "x-forwarded-host": "app.example" },
      { origin: "http://app.example:8080", host: "app.example:8080" },
    ];
    for (const headers of appPages) {
      const res = await call(rotate, { method: "POST", cookie, headers, params: { id: webhookId } });
      expect(res.status, JSON.stringify(headers)).toBe(200);
    }
  });

  it("allows a client that sends neither header (curl with a cookie is not a browser page, so not a forgery)", async () => {
    const res = await call(rotate, { method: "POST", cookie, params: { id: webhookId } });
    expect(res.status).toBe(200);
  });

  it("does not check reads", async () => {
    const res = await call(me, { cookie, headers: { "sec-fetch-site": "cross-site", origin: "https://evil.example" } });
    expect(res.status).toBe(200);
  });

  it("does not check bearer-token calls, which carry no ambient credential", async () => {
    const res = await call(rotate, {
      method: "POST",
      token,
      headers: { "sec-fetch-site": "cross-site", origin: "https://evil.example" },
      params: { id: webhookId },
    });
    expect(res.status).toBe(200);
  });

  it("keeps a cross-site page from signing the user out", async () => {
    const res = await call(signOut, { method: "POST", cookie, headers: { "sec-fetch-site": "cross-site" } });
    expect(res.status).toBe(403);
    expect((await call(me, { cookie })).status).toBe(200);
  });
});
