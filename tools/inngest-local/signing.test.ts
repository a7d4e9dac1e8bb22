import { createHash, createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  bearerMatchesSigningKey,
  canonicalJson,
  hashedSigningKey,
  signatureHeader,
  stripSigningKeyPrefix,
} from "./signing";

const key = `signkey-test-${"0123456789abcdef".repeat(4)}`;

describe("canonicalJson", () => {
  it("sorts keys at every depth and drops undefined members", () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: undefined } })).toBe(
      '{"a":{"d":[3,{"y":2,"z":1}]},"b":1}',
    );
  });

  it("is stable through a JSON round trip (what the SDK does before verifying)", () => {
    const body = canonicalJson({ event: { name: "x", data: { é: "ü", n: 1.5 } }, steps: {}, version: -1 });
    expect(canonicalJson(JSON.parse(body))).toBe(body);
  });
});

describe("signatureHeader", () => {
  it("is t=<unix seconds>&s=<hex HMAC-SHA256 of body + t, keyed by the key without its prefix>", () => {
    const body = '{"a":1}';
    const expected = createHmac("sha256", "0123456789abcdef".repeat(4)).update(`${body}1700000000`).digest("hex");
    expect(signatureHeader(body, key, 1_700_000_000)).toBe(`t=1700000000&s=${expected}`);
  });
});

describe("signing key helpers", () => {
  it("strips the signkey-<env>- prefix", () => {
    expect(stripSigningKeyPrefix(key)).toBe("0123456789abcdef".repeat(4));
    expect(stripSigningKeyPrefix("abc")).toBe("abc");
  });

  it("hashes like the SDK's bearer token and compares it", () => {
    const digest = createHash("sha256")
      .update(Buffer.from("0123456789abcdef".repeat(4), "hex"))
      .digest("hex");
    expect(hashedSigningKey(key)).toBe(`signkey-test-${digest}`);
    expect(bearerMatchesSigningKey(`Bearer signkey-test-${digest}`, key)).toBe(true);
    expect(bearerMatchesSigningKey("Bearer undefined", key)).toBe(false);
    expect(bearerMatchesSigningKey(undefined, key)).toBe(false);
  });
});
