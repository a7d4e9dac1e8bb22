// Responses that carry a secret, a token or a new session cookie must not be kept by any cache.
import { describe, expect, it } from "vitest";
import { POST as createToken, GET as listTokens } from "@/app/api/v1/api-tokens/route";
import { POST as signIn } from "@/app/api/v1/auth/sign-in/route";
import { POST as signUpRoute } from "@/app/api/v1/auth/sign-up/route";
import { POST as rotate } from "@/app/api/v1/webhooks/[id]/rotate-secret/route";
import { POST as createWebhook } from "@/app/api/v1/webhooks/route";
import { call, signUp, TEST_PASSWORD, uniqueEmail } from "../helpers/http";

describe("Cache-Control: no-store", () => {
  it("is sent by sign-up and sign-in (they set the session cookie)", async () => {
    const email = uniqueEmail("no-store");
    const up = await call(signUpRoute, { body: { name: "Cache", email, password: TEST_PASSWORD } });
    expect(up.status).toBe(201);
    expect(up.headers.get("cache-control")).toBe("no-store");
    const inRes = await call(signIn, { body: { email, password: TEST_PASSWORD } });
    expect(inRes.status).toBe(200);
    expect(inRes.headers.get("cache-control")).toBe("no-store");
  });

  it("is sent with a new API token and with a webhook's secret (create and rotate)", async () => {
    const { cookie } = await signUp("secrets");
    const token = await call(createToken, { cookie, body: { name: "ci" } });
    expect(token.status).toBe(201);
    expect(token.headers.get("cache-control")).toBe("no-store");
    const webhook = await call(createWebhook, { cookie, body: { name: "Hook", url: "http://127.0.0.1:9/hook" } });
    expect(webhook.status).toBe(201);
    expect(webhook.headers.get("cache-control")).toBe("no-store");
    const rotated = await call(rotate, { method: "POST", cookie, params: { id: webhook.json.id } });
    expect(rotated.status).toBe(200);
    expect(rotated.headers.get("cache-control")).toBe("no-store");
  });

  it("is not needed on responses without secrets", async () => {
    const { cookie } = await signUp("plain");
    expect((await call(listTokens, { cookie })).headers.get("cache-control")).toBeNull();
  });
});
