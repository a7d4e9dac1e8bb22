// The guide's copyable signature checks (Standard Webhooks: webhook-id, webhook-timestamp,
// webhook-signature; see lib/delivery-engine/signature.ts). Code, so English; the Node one is run
// against real signatures by verify-examples.test.ts.

export const NODE_VERIFY = `const crypto = require("node:crypto");

// rawBody: the request body exactly as received (a string, before JSON.parse).
// headers: the request headers, names in lower case (as Node gives them).
// secret: your webhook's secret, "whsec_…", shown once when you created the webhook.
function verifyWebhook(rawBody, headers, secret) {
  const id = headers["webhook-id"];
  const timestamp = headers["webhook-timestamp"];
  const signatures = headers["webhook-signature"];
  if (!id || !timestamp || !signatures) return false;
  // Refuse a message older or newer than five minutes: it may be a replay.
  if (Math.abs(Date.now() / 1000 - Number(timestamp)) > 5 * 60) return false;
  const key = Buffer.from(secret.replace(/^whsec_/, ""), "base64");
  const expected = crypto.createHmac("sha256", key).update(\`\${id}.\${timestamp}.\${rawBody}\`).digest();
  // After a secret rotation there are two signatures for a day: one is enough.
  return signatures.split(" ").some((entry) => {
    const [version, signature = ""] = entry.split(",");
    const given = Buffer.from(signature, "base64");
    return version === "v1" && given.length === expected.length && crypto.timingSafeEqual(given, expected);
  });
}

// With Express: read the raw body, check it, answer at once, work afterwards.
app.post("/webhooks/blue", express.raw({ type: "application/json" }), (req, res) => {
  const rawBody = req.body.toString("utf8");
  if (!verifyWebhook(rawBody, req.headers, process.env.BLUE_WEBHOOK_SECRET)) return res.sendStatus(401);
  res.sendStatus(204);
  const event = JSON.parse(rawBody);
  console.log(event.event, event.id);
});
`;

export const PYTHON_VERIFY = `import base64, hashlib, hmac, os, time

# raw_body: the request body exactly as received (bytes, before json.loads).
# headers: the request headers (e.g. Flask's request.headers).
# secret: your webhook's secret, "whsec_…", shown once when you created the webhook.
def verify_webhook(raw_body: bytes, headers, secret: str) -> bool:
    msg_id = headers.get("webhook-id")
    timestamp = headers.get("webhook-timestamp")
    signatures = headers.get("webhook-signature")
    if not (msg_id and timestamp and signatures):
        return False
    # Refuse a message older or newer than five minutes: it may be a replay.
    if abs(time.time() - int(timestamp)) > 5 * 60:
        return False
    key = base64.b64decode(secret.removeprefix("whsec_"))
    signed = f"{msg_id}.{timestamp}.".encode() + raw_body
    expected = base64.b64encode(hmac.new(key, signed, hashlib.sha256).digest()).decode()
    # After a secret rotation there are two signatures for a day: one is enough.
    return any(
        hmac.compare_digest(entry.split(",", 1)[1], expected)
        for entry in signatures.split(" ")
        if entry.startswith("v1,")
    )

# With Flask (from flask import request): check, answer at once, work afterwards.
@app.post("/webhooks/blue")
def blue_webhook():
    if not verify_webhook(request.get_data(), request.headers, os.environ["BLUE_WEBHOOK_SECRET"]):
        return "", 401
    event = request.get_json()
    return "", 204
`;

export const PHP_VERIFY = `<?php
// $rawBody: the request body exactly as received, before json_decode.
// $headers: the request headers, names in lower case.
// $secret: your webhook's secret, "whsec_…", shown once when you created the webhook.
function verify_webhook(string $rawBody, array $headers, string $secret): bool
{
    $id = $headers['webhook-id'] ?? '';
    $timestamp = $headers['webhook-timestamp'] ?? '';
    $signatures = $headers['webhook-signature'] ?? '';
    if ($id === '' || $timestamp === '' || $signatures === '') return false;
    // Refuse a message older or newer than five minutes: it may be a replay.
    if (abs(time() - (int) $timestamp) > 5 * 60) return false;
    $key = base64_decode(preg_replace('/^whsec_/', '', $secret));
    $expected = base64_encode(hash_hmac('sha256', "$id.$timestamp.$rawBody", $key, true));
    // After a secret rotation there are two signatures for a day: one is enough.
    foreach (explode(' ', $signatures) as $entry) {
        [$version, $signature] = array_pad(explode(',', $entry, 2), 2, '');
        if ($version === 'v1' && hash_equals($expected, $signature)) return true;
    }
    return false;
}

$rawBody = file_get_contents('php://input');
$headers = array_change_key_case(getallheaders(), CASE_LOWER);
if (!verify_webhook($rawBody, $headers, getenv('BLUE_WEBHOOK_SECRET'))) {
    http_response_code(401);
    exit;
}
http_response_code(204);
$event = json_decode($rawBody, true);
`;

export const VERIFY_EXAMPLES = [
  { id: "node", label: "Node.js", code: NODE_VERIFY },
  { id: "python", label: "Python", code: PYTHON_VERIFY },
  { id: "php", label: "PHP", code: PHP_VERIFY },
] as const;
