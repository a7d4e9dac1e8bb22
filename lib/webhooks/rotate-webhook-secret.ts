import { encryptSecret } from "../crypto/secret-box";
import { db } from "../db";
import { env } from "../env";
import { ownWebhook } from "./webhook-access";
import { generateWebhookSecret } from "./webhook-secret";
import { webhookView } from "./webhook-view";

const HOUR_MS = 3_600_000;

export function rotationGraceMs(): number {
  return env.WEBHOOK_SECRET_GRACE_HOURS * HOUR_MS;
}

/** A new secret, shown once; the old one keeps signing (a second signature) for the grace period. */
export async function rotateWebhookSecret(userId: string, id: string, now = new Date()) {
  const secret = generateWebhookSecret();
  const updated = await db().$transaction(async (tx) => {
    const webhook = await ownWebhook(tx, userId, id);
    const current = await tx.webhook.findUniqueOrThrow({
      where: { id: webhook.id },
      select: { secretEncrypted: true },
    });
    return tx.webhook.update({
      where: { id: webhook.id },
      data: {
        secretEncrypted: encryptSecret(secret),
        previousSecretEncrypted: current.secretEncrypted,
        previousSecretExpiresAt: new Date(now.getTime() + rotationGraceMs()),
      },
    });
  });
  return { ...(await webhookView(db(), updated)), secret };
}
