// An invitation's link: a random token (256 bits) in the app's /invite page. The token is looked
// up by its SHA-256 and kept sealed with the webhook-secret key, so the inviter and the addressee
// can be shown the link again while the database alone never yields a working one.
import crypto from "node:crypto";
import { hashToken } from "../api-tokens/token-format";
import { appOrigin } from "../auth/same-origin";
import { decryptSecret, encryptSecret } from "../crypto/secret-box";
import { env } from "../env";

const INVITATION_PREFIX = "inv_";

export function newInvitationToken() {
  const token = `${INVITATION_PREFIX}${crypto.randomBytes(32).toString("base64url")}`;
  return {
    tokenHash: hashToken(token),
    tokenEncrypted: encryptSecret(token),
    expiresAt: new Date(Date.now() + env.INVITATION_EXPIRY_DAYS * 24 * 3_600_000),
    token,
  };
}

export const invitationTokenHash = hashToken;

/** Where links point: APP_URL, or this app's origin as the request addressed it. */
export function appUrl(req: Request): string {
  return (env.APP_URL ?? appOrigin(req)).replace(/\/+$/, "");
}

export function invitationUrl(baseUrl: string, sealedToken: string): string {
  return `${baseUrl}/invite/${decryptSecret(sealedToken)}`;
}
