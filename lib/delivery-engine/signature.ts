// Both signatures a delivery carries: Blue's X-Signature (lowercase hex HMAC-SHA256 of the raw
// body, keyed by the secret string) and Standard Webhooks' webhook-signature (base64 HMAC-SHA256
// of "id.timestamp.body", keyed by the secret's base64 bytes), one per secret during a rotation.
import crypto from "node:crypto";

export function blueSignature(secret: string, body: string): string {
  return crypto.createHmac("sha256", secret).update(body).digest("hex");
}

function standardKey(secret: string): Buffer {
  return Buffer.from(secret.startsWith("whsec_") ? secret.slice("whsec_".length) : secret, "base64");
}

export function standardSignature(secrets: string[], messageId: string, timestamp: number, body: string): string {
  return secrets
    .map((secret) => {
      const mac = crypto
        .createHmac("sha256", standardKey(secret))
        .update(`${messageId}.${timestamp}.${body}`)
        .digest("base64");
      return `v1,${mac}`;
    })
    .join(" ");
}

export type SignedHeaders = Record<string, string>;

/** The headers of one attempt. The first secret is the current one; X-Signature uses it alone. */
export function signedHeaders(opts: {
  secrets: string[];
  messageId: string;
  timestamp: number;
  body: string;
  userAgent: string;
  eventType: string;
}): SignedHeaders {
  return {
    "content-type": "application/json",
    "user-agent": opts.userAgent,
    "x-signature": blueSignature(opts.secrets[0], opts.body),
    "x-blue-event": opts.eventType,
    "webhook-id": opts.messageId,
    "webhook-timestamp": String(opts.timestamp),
    "webhook-signature": standardSignature(opts.secrets, opts.messageId, opts.timestamp, opts.body),
  };
}
