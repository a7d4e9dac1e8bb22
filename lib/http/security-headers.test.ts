import { describe, expect, it } from "vitest";
import { newNonce, pageContentSecurityPolicy } from "./security-headers";

const directives = (policy: string) =>
  Object.fromEntries(policy.split("; ").map((d) => [d.split(" ")[0], d.split(" ").slice(1)]));

describe("pageContentSecurityPolicy", () => {
  it("allows only nonce'd scripts and styles in production, and no framing", () => {
    const policy = directives(pageContentSecurityPolicy("abc"));
    expect(policy["script-src"]).toEqual(["'self'", "'nonce-abc'", "'strict-dynamic'"]);
    expect(policy["style-src"]).toEqual(["'self'", "'nonce-abc'"]);
    expect(policy["frame-ancestors"]).toEqual(["'none'"]);
    expect(policy["object-src"]).toEqual(["'none'"]);
    expect(JSON.stringify(policy)).not.toMatch(/unsafe/);
  });

  it("adds only what next dev needs in development", () => {
    const policy = directives(pageContentSecurityPolicy("abc", { development: true }));
    expect(policy["script-src"]).toContain("'unsafe-eval'");
    expect(policy["style-src"]).toEqual(["'self'", "'unsafe-inline'"]);
  });
});

describe("newNonce", () => {
  it("is 128 random bits, base64, new every time", () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(Buffer.from(nonce, "base64")).toHaveLength(16);
  });
});
