import { decryptSecret } from "../crypto/secret-box";

/** The secrets that sign now: the current one, and the previous one during a rotation's grace. */
export function signingSecrets(
  row: { secretEncrypted: string; previousSecretEncrypted: string | null; previousSecretExpiresAt: Date | null },
  now = new Date(),
): string[] {
  const secrets = [decryptSecret(row.secretEncrypted)];
  if (row.previousSecretEncrypted && row.previousSecretExpiresAt && row.previousSecretExpiresAt > now) {
    secrets.push(decryptSecret(row.previousSecretEncrypted));
  }
  return secrets;
}
