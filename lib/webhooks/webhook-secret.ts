import crypto from "node:crypto";

/** A Standard Webhooks secret: "whsec_" + base64 of 32 random bytes. */
export function generateWebhookSecret(): string {
  return `whsec_${crypto.randomBytes(32).toString("base64")}`;
}

/** A short public id, like Blue's uid. */
export function generateWebhookUid(): string {
  return `wh_${crypto.randomBytes(9).toString("base64url")}`;
}
