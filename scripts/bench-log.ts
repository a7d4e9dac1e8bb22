// npm run bench:log — the delivery log with 1,000,000 attempts across 1,000 webhooks (seeded in
// SQL), timing the first page and a deep page of one webhook's log through the real route handler.
// Prints figures; asserts nothing. Uses its own database, blue_bench_log.
import { NextRequest } from "next/server";
import pg from "pg";
import { createTestDatabase, ensureDatabaseUp } from "./db/commands";
import { loadEnvFiles } from "./env-files";
import { ensureLocalSecrets } from "./local-secrets";

const WEBHOOKS = 1_000;
const ATTEMPTS = 1_000_000;

async function seed(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const t0 = performance.now();
  await client.query(
    `INSERT INTO users (id, email, name, password_hash, updated_at) VALUES ('bench-user', 'bench@example.test', 'Bench', 'x', now())`,
  );
  await client.query(
    `INSERT INTO webhooks (id, uid, name, url, secret_encrypted, created_by_id, updated_at)
     SELECT 'wh' || g, 'wh_bench_' || g, 'Bench ' || g, 'http://127.0.0.1:9/' || g, 'v1:a:b:c', 'bench-user', now()
       FROM generate_series(1, $1::int) g`,
    [WEBHOOKS],
  );
  await client.query(
    `INSERT INTO deliveries (id, webhook_id, event_type, message_id, body, status, attempt_count, last_status_code, last_latency_ms, created_at, updated_at)
     SELECT 'd' || g, 'wh' || (g % $2::int + 1), CASE WHEN g % 7 = 0 THEN 'COMMENT_CREATED' ELSE 'TODO_CREATED' END,
            'msg_' || g, '{"id":"' || g || '"}', CASE WHEN g % 10 = 0 THEN 'FAILED' ELSE 'DELIVERED' END::"DeliveryStatus",
            1, 200, 20, now() - (g || ' seconds')::interval, now()
       FROM generate_series(1, $1::int) g`,
    [ATTEMPTS, WEBHOOKS],
  );
  await client.query(
    `INSERT INTO delivery_attempts (id, delivery_id, webhook_id, number, trigger, started_at, ok, latency_ms, request_headers, response_status, response_body)
     SELECT 'a' || g, 'd' || g, 'wh' || (g % $2::int + 1), 1, 'auto', now() - (g || ' seconds')::interval, g % 10 <> 0, 20,
            '{"content-type":"application/json"}', 200, 'ok'
       FROM generate_series(1, $1::int) g`,
    [ATTEMPTS, WEBHOOKS],
  );
  await client.query("ANALYZE");
  await client.end();
  return performance.now() - t0;
}

const pct = (v: number[], p: number) =>
  [...v].sort((a, b) => a - b)[Math.min(v.length - 1, Math.floor((p / 100) * v.length))];

async function main() {
  loadEnvFiles();
  ensureLocalSecrets();
  await ensureDatabaseUp({ quiet: true });
  const url = await createTestDatabase("blue_bench_log");
  process.env.DATABASE_URL = url;
  console.log(`seeding ${ATTEMPTS.toLocaleString("en")} attempts across ${WEBHOOKS} webhooks…`);
  console.log(`  seeded in ${((await seed(url)) / 1000).toFixed(1)} s`);

  const { GET } = await import("../app/api/v1/webhooks/[id]/deliveries/route");
  const { sessionCookie } = await import("../lib/auth/session");
  const cookie = (
    await sessionCookie(new Request("http://localhost/"), {
      id: "bench-user",
      email: "bench@example.test",
      name: "Bench",
    })
  ).split(";")[0];
  const get = async (query: string) => {
    const req = new NextRequest(`http://localhost/api/v1/webhooks/wh1/deliveries?${query}`, { headers: { cookie } });
    const t0 = performance.now();
    const res = await GET(req, { params: Promise.resolve({ id: "wh1" }) });
    const body = await res.json();
    return { ms: performance.now() - t0, body };
  };

  const cursors: string[] = [];
  let cursor: string | null = null;
  do {
    const { body } = await get(`limit=25${cursor ? `&cursor=${cursor}` : ""}`);
    cursor = body.nextCursor;
    if (cursor) cursors.push(cursor);
  } while (cursor);
  const deep = cursors.at(-1)!;
  const measure = async (label: string, query: string) => {
    const times: number[] = [];
    for (let i = 0; i < 30; i++) times.push((await get(query)).ms);
    console.log(`  ${label.padEnd(44)} p50 ${pct(times, 50).toFixed(1)} ms, p95 ${pct(times, 95).toFixed(1)} ms`);
  };
  console.log(`webhook wh1: ${cursors.length + 1} pages of 25 (target ≤ 50 ms)`);
  await measure("first page", "limit=25");
  await measure(`deep page (page ${cursors.length + 1})`, `limit=25&cursor=${deep}`);
  await measure("first page, status=FAILED", "limit=25&status=FAILED");
  await measure("first page, eventType=COMMENT_CREATED", "limit=25&eventType=COMMENT_CREATED");
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
