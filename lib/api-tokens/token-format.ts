// Token text: a recognisable prefix (secret scanners can spot it) and 256 random bits.
import crypto from "node:crypto";

export const TOKEN_PREFIX = "bwt_";
const VISIBLE_CHARS = 12;

export function generateToken(): { token: string; prefix: string; hash: string } {
  const token = `${TOKEN_PREFIX}${crypto.randomBytes(32).toString("base64url")}`;
  return { token, prefix: token.slice(0, VISIBLE_CHARS), hash: hashToken(token) };
}

/** High-entropy tokens need no slow hash: SHA-256 is enough and keeps lookups indexable. */
export function hashToken(token: string): string {
  return crypto.createHash("sha256").update(token).digest("hex");
}
