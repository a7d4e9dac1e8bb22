// The guide's Node example, run as written (with Express stubbed), accepts what the delivery
// engine signs and refuses a changed body, another secret and an old message; the Python one too
// where python3 is installed.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { signedHeaders } from "@/lib/delivery-engine/signature";
import { generateWebhookSecret } from "@/lib/webhooks/webhook-secret";
import { NODE_VERIFY, PYTHON_VERIFY } from "./verify-examples";

type Handler = (req: { body: Buffer; headers: Record<string, string> }, res: { sendStatus(s: number): void }) => void;

/** The example's verifyWebhook and its Express route handler, from the example's own text. */
function loadNodeExample(secret: string) {
  let handler: Handler | undefined;
  const app = { post: (_path: string, _raw: unknown, h: Handler) => (handler = h) };
  const express = { raw: () => "raw-body-middleware" };
  const env = { env: { BLUE_WEBHOOK_SECRET: secret } };
  const console = { log() {} };
  const verify = new Function(
    "require",
    "app",
    "express",
    "process",
    "console",
    `${NODE_VERIFY}\nreturn verifyWebhook;`,
  )(createRequire(import.meta.url), app, express, env, console) as (
    rawBody: string,
    headers: Record<string, string>,
    secret: string,
  ) => boolean;
  return { verify, handler: handler! };
}

function delivery(secrets: string[], timestamp = Math.floor(Date.now() / 1000)) {
  const body = JSON.stringify({ id: "evt_1", timestamp: new Date().toISOString(), event: "TODO_CREATED", webhook: {} });
  const headers = signedHeaders({
    secrets,
    messageId: "msg_2Yp",
    timestamp,
    body,
    userAgent: "BlueWebhooks/1.0",
    eventType: "TODO_CREATED",
  });
  return { body, headers };
}

describe("the guide's Node example", () => {
  const secret = generateWebhookSecret();

  it("accepts a delivery signed by the delivery engine", () => {
    const { verify } = loadNodeExample(secret);
    const { body, headers } = delivery([secret]);
    expect(verify(body, headers, secret)).toBe(true);
  });

  it("refuses a changed body, another secret, an old message and missing headers", () => {
    const { verify } = loadNodeExample(secret);
    const { body, headers } = delivery([secret]);
    expect(verify(body.replace("TODO_CREATED", "TODO_DELETED"), headers, secret)).toBe(false);
    expect(verify(body, headers, generateWebhookSecret())).toBe(false);
    const old = delivery([secret], Math.floor(Date.now() / 1000) - 10 * 60);
    expect(verify(old.body, old.headers, secret)).toBe(false);
    const { "webhook-signature": _, ...unsigned } = headers;
    expect(verify(body, unsigned, secret)).toBe(false);
  });

  it("accepts either secret during a rotation (two signatures)", () => {
    const { verify } = loadNodeExample(secret);
    const rotated = generateWebhookSecret();
    const { body, headers } = delivery([rotated, secret]);
    expect(headers["webhook-signature"].split(" ")).toHaveLength(2);
    expect(verify(body, headers, secret)).toBe(true);
    expect(verify(body, headers, rotated)).toBe(true);
  });

  it("its Express route answers 204 to a signed delivery and 401 to a forged one", () => {
    const { handler } = loadNodeExample(secret);
    const { body, headers } = delivery([secret]);
    const answers: number[] = [];
    const res = { sendStatus: (status: number) => answers.push(status) };
    handler({ body: Buffer.from(body), headers }, res);
    handler({ body: Buffer.from(body), headers: { ...headers, "webhook-signature": "v1,Zm9yZ2Vk" } }, res);
    expect(answers).toEqual([204, 401]);
  });
});

const python = spawnSync("python3", ["--version"]).status === 0;

describe.runIf(python)("the guide's Python example", () => {
  it("accepts a delivery signed by the delivery engine and refuses a changed body", () => {
    const secret = generateWebhookSecret();
    const { body, headers } = delivery([secret]);
    const verify = PYTHON_VERIFY.split("# With Flask")[0];
    const script = `${verify}
import json, sys
case = json.load(sys.stdin)
print(json.dumps([verify_webhook(case["body"].encode(), case["headers"], case["secret"]),
                  verify_webhook((case["body"] + " ").encode(), case["headers"], case["secret"])]))`;
    const run = spawnSync("python3", ["-c", script], {
      input: JSON.stringify({ body, headers, secret }),
      encoding: "utf8",
    });
    expect(run.stderr).toBe("");
    expect(JSON.parse(run.stdout)).toEqual([true, false]);
  });
});
