// Request signing as the SDK verifies it in cloud mode (PROTOCOL.md §1f):
// x-inngest-signature: t=<unix seconds>&s=<hex HMAC-SHA256(key, canonical JSON body + t)>, where
// the key is the signing key without its "signkey-<env>-" prefix, used as UTF-8 text.
import { createHash, createHmac, timingSafeEqual } from "node:crypto";

const PREFIX = /^signkey-\w+-/;

export function stripSigningKeyPrefix(signingKey: string): string {
  return signingKey.replace(PREFIX, "");
}

/**
 * JSON with object keys sorted and undefined members dropped (what the SDK's `canonicalize`
 * produces). The SDK re-parses our body and canonicalises it before checking the HMAC, so we
 * send exactly this text and sign it.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object" || typeof (value as { toJSON?: unknown }).toJSON === "function") {
    return JSON.stringify(value) ?? "null";
  }
  if (Array.isArray(value)) {
    return `[${value.map((item) => (item === undefined ? "null" : canonicalJson(item))).join(",")}]`;
  }
  const record = value as Record<string, unknown>;
  const members = Object.keys(record)
    .sort()
    .filter((key) => record[key] !== undefined)
    .map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`);
  return `{${members.join(",")}}`;
}

export function signatureHeader(body: string, signingKey: string, unixSeconds = Math.floor(Date.now() / 1000)): string {
  const mac = createHmac("sha256", stripSigningKeyPrefix(signingKey)).update(body).update(String(unixSeconds));
  return `t=${unixSeconds}&s=${mac.digest("hex")}`;
}

/** What the SDK puts in `Authorization: Bearer …` when it registers: prefix + sha256(hex key bytes). */
export function hashedSigningKey(signingKey: string): string {
  const prefix = PREFIX.exec(signingKey)?.[0] ?? "";
  const key = stripSigningKeyPrefix(signingKey);
  return prefix + createHash("sha256").update(Buffer.from(key, "hex")).digest("hex");
}

export function bearerMatchesSigningKey(authorization: string | undefined, signingKey: string): boolean {
  const expected = Buffer.from(`Bearer ${hashedSigningKey(signingKey)}`);
  const given = Buffer.from(authorization ?? "");
  return given.length === expected.length && timingSafeEqual(given, expected);
}
