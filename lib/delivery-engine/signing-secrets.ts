import { BoundedCache } from "../bounded-cache";
import { decryptSecret } from "../crypto/secret-box";
import { env } from "../env";

// Decrypted secrets, by key and ciphertext: a fan-out signs for every matching webhook, and
// AES-GCM per delivery was a measurable share of the hot path. A rotated secret has a new
// ciphertext, so it is never served stale; the cache is bounded.
const decrypted = new BoundedCache<string>(10_000);

const decryptCached = (sealed: string) =>
  decrypted.getOrCompute(`${env.WEBHOOK_SECRET_KEY}\n${sealed}`, () => decryptSecret(sealed));

/** The secrets that sign now: the current one, and the previous one during a rotation's grace. */
export function signingSecrets(
  row: { secretEncrypted: string; previousSecretEncrypted: string | null; previousSecretExpiresAt: Date | null },
  now = new Date(),
): string[] {
  const secrets = [decryptCached(row.secretEncrypted)];
  if (row.previousSecretEncrypted && row.previousSecretExpiresAt && row.previousSecretExpiresAt > now) {
    secrets.push(decryptCached(row.previousSecretEncrypted));
  }
  return secrets;
}
