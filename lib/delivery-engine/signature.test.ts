import crypto from "node:crypto";
import { Webhook } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import { generateWebhookSecret } from "../webhooks/webhook-secret";
import { blueSignature, signedHeaders } from "./signature";

describe("delivery signatures", () => {
  const body = JSON.stringify({ event: "TODO_CREATED", currentValue: { title: "ünïcode ✓" } });

  it("X-Signature is Blue's lowercase hex HMAC of the raw body keyed by the secret string", () => {
    const secret = generateWebhookSecret();
    const expected = crypto.createHmac("sha256", secret).update(Buffer.from(body, "utf8")).digest("hex");
    expect(blueSignature(secret, body)).toBe(expected);
    expect(expected).toMatch(/^[0-9a-f]{64}$/);
  });

  it("webhook-signature verifies with the standardwebhooks package, with either secret during a rotation", () => {
    const current = generateWebhookSecret();
    const previous = generateWebhookSecret();
    const timestamp = Math.floor(Date.now() / 1000);
    const headers = signedHeaders({
      secrets: [current, previous],
      messageId: "msg_abc",
      timestamp,
      body,
      userAgent: "test",
      eventType: "TODO_CREATED",
    });
    expect(headers["webhook-signature"].split(" ")).toHaveLength(2);
    for (const secret of [current, previous]) {
      expect(new Webhook(secret).verify(body, headers)).toEqual(JSON.parse(body));
    }
    expect(() => new Webhook(generateWebhookSecret()).verify(body, headers)).toThrow();
    expect(() => new Webhook(current).verify(`${body} `, headers)).toThrow();
  });
});
