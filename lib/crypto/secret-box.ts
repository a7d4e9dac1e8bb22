// AES-256-GCM for secrets at rest. The key is WEBHOOK_SECRET_KEY (32 bytes, base64); every value
// gets its own IV, and the tag makes a tampered ciphertext fail instead of decrypting to garbage.
import crypto from "node:crypto";
import { env } from "../env";

const VERSION = "v1";

function key(): Buffer {
  return Buffer.from(env.WEBHOOK_SECRET_KEY, "base64");
}

export function encryptSecret(plaintext: string): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", key(), iv);
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [VERSION, iv.toString("base64"), cipher.getAuthTag().toString("base64"), body.toString("base64")].join(":");
}

export function decryptSecret(sealed: string): string {
  const [version, iv, tag, body] = sealed.split(":");
  if (version !== VERSION || !iv || !tag || body === undefined) throw new Error("unknown secret format");
  const decipher = crypto.createDecipheriv("aes-256-gcm", key(), Buffer.from(iv, "base64"));
  decipher.setAuthTag(Buffer.from(tag, "base64"));
  return Buffer.concat([decipher.update(Buffer.from(body, "base64")), decipher.final()]).toString("utf8");
}
