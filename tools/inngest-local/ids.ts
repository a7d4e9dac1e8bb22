// ULIDs: time-sortable ids like the real server's, so "newest first" follows id order too.
import { createHash, randomBytes } from "node:crypto";

const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

function encode(value: bigint, length: number): string {
  let out = "";
  let rest = value;
  for (let i = 0; i < length; i++) {
    out = CROCKFORD[Number(rest & 31n)] + out;
    rest >>= 5n;
  }
  return out;
}

function fromParts(ms: number, entropy: Uint8Array): string {
  const random = entropy.slice(0, 10).reduce((acc, byte) => (acc << 8n) | BigInt(byte), 0n);
  return encode(BigInt(Math.max(0, Math.floor(ms))), 10) + encode(random, 16);
}

export function ulid(now: number = Date.now()): string {
  return fromParts(now, randomBytes(10));
}

/**
 * The SDK sends `x-inngest-event-id-seed: <ms>,<base64 entropy>` and keeps it across its own
 * retries of one send, so deriving ids from it turns a retried POST into a duplicate instead of
 * a second run. Returns undefined for a malformed seed.
 */
export function eventIdFromSeed(seed: string, index: number): string | undefined {
  const match = /^(\d{1,15}),([A-Za-z0-9+/=]{4,})$/.exec(seed.trim());
  if (!match) return undefined;
  const entropy = createHash("sha256").update(`${match[2]}:${index}`).digest();
  return fromParts(Number(match[1]), entropy);
}
