// The engine's statements that take deliveries by id read them by primary key, whatever the
// statistics say. With statistics from a quiet spell (no delivery waiting), a status predicate next
// to the ids let the planner read every waiting delivery through the partial index of waiting ones
// instead: for held retries once per id (86 ms for 20 among 9,000 waiting, and 1.4 s a statement in
// a mass-failure benchmark run whose retries were held in larger batches), for a lane's claim once
// (105 ms for 20 among 90,000). Checked on the plans PostgreSQL makes for a batch of ids.
import type { PoolClient } from "pg";
import { expect, it } from "vitest";
import { BY_KEY_SETTINGS } from "@/lib/db";
import { HELD_STATE_STATEMENT } from "@/lib/delivery-engine/background-sender";
import { FAN_OUT_WRITE_STATEMENT } from "@/lib/delivery-engine/fan-out";
import { CLAIM_STATEMENT } from "@/lib/delivery-engine/lanes";
import { HOLD_RETRIES_STATEMENT, RECORD_STATE_STATEMENT } from "@/lib/delivery-engine/record-attempts";
import { inRolledBackTransaction, type PlanNode, planNodes } from "../helpers/plans";

/**
 * A user `${prefix}-u` with `count` webhooks `${prefix}-w0`, `${prefix}-w1`… (as literals: a statement
 * with values would be prepared, and inRolledBackTransaction deallocates what it prepared).
 */
async function ownerWithWebhooks(client: PoolClient, prefix: string, count: number) {
  await client.query(
    `INSERT INTO users (id, email, name, password_hash, updated_at)
     VALUES ('${prefix}-u', '${prefix}@plans.test', 'u', 'x', now())`,
  );
  await client.query(
    `INSERT INTO webhooks (id, uid, name, url, secret_encrypted, created_by_id, updated_at)
     SELECT '${prefix}-w' || g, '${prefix.replace(/-/g, "_")}_' || g, 'W', 'http://127.0.0.1:9/', 'v1:a:b:c',
            '${prefix}-u', now()
       FROM generate_series(0, ${count - 1}) g`,
  );
}

it("held retries, recorded attempts' states and a lane's claim read deliveries by primary key, even when statistics say none is waiting", async () => {
  await inRolledBackTransaction(async (client) => {
    await ownerWithWebhooks(client, "held-plan", 100);
    await client.query(
      `INSERT INTO deliveries (id, webhook_id, event_type, message_id, body, status, updated_at)
       SELECT 'held-plan-d' || g, 'held-plan-w' || g % 100, 'TODO_CREATED', 'held-plan-m' || g, '{}', 'DELIVERED', now()
         FROM generate_series(1, 30000) g`,
    );
    await client.query("ANALYZE deliveries");
    // Then a burst of failures: a third of them wait for a retry, unknown to the statistics.
    await client.query(
      `UPDATE deliveries SET status = 'RETRYING', lease_until = now() + interval '1 minute', next_attempt_at = now()
        WHERE id LIKE 'held-plan-d%' AND right(id, 1) IN ('1', '4', '7')`,
    );
    const ids = Array.from({ length: 20 }, (_, i) => `held-plan-d${i * 3 + 1}`);
    const leases = ids.map(() => new Date().toISOString());
    const literal = (values: string[]) => `'{${values.map((v) => `"${v}"`).join(",")}}'`;
    const now = new Date().toISOString();
    for (const [name, types, text, args] of [
      ["held_state", "text[], timestamptz[]", HELD_STATE_STATEMENT, `${literal(ids)}, ${literal(leases)}`],
      ["hold_retries", "text[], timestamptz[]", HOLD_RETRIES_STATEMENT, `${literal(ids)}, ${literal(leases)}`],
      [
        "record_state",
        "text[], text[], int[], timestamptz[], int[], int[], text[], timestamptz[], timestamptz[], timestamptz[]",
        RECORD_STATE_STATEMENT,
        [
          literal(ids),
          literal(ids.map(() => "RETRYING")),
          literal(ids.map(() => "2")),
          literal(leases),
          literal(ids.map(() => "500")),
          literal(ids.map(() => "12")),
          literal(ids.map(() => "HTTP 500")),
          literal(leases),
          literal(leases),
          literal(leases),
        ].join(", "),
      ],
      [
        "claim",
        "text[], timestamptz[], timestamptz[], timestamptz",
        CLAIM_STATEMENT,
        `${literal(ids)}, ${literal(leases)}, ${literal(leases)}, '${now}'`,
      ],
    ]) {
      await client.query(`PREPARE ${name} (${types}) AS ${text}`);
      // Planned for these values, as every unnamed statement is.
      await client.query("SET LOCAL plan_cache_mode = force_custom_plan");
      const plan = await client.query<{ "QUERY PLAN": [{ Plan: PlanNode }] }>(
        `EXPLAIN (FORMAT JSON) EXECUTE ${name}(${args})`,
      );
      const all = planNodes(plan.rows[0]["QUERY PLAN"][0].Plan);
      const scans = all.filter((n) => n["Relation Name"] === "deliveries").map((n) => n["Node Type"]);
      expect(scans.length, name).toBeGreaterThan(0);
      expect(scans, name).not.toContain("Seq Scan");
      // Every index of deliveries the plan reads (index scans, and bitmap scans' index nodes).
      const indexes = new Set(
        all.flatMap((n) => (n["Index Name"]?.startsWith("deliveries_") ? [n["Index Name"]] : [])),
      );
      expect([...indexes], name).toEqual(["deliveries_pkey"]);
    }
  });
});

/** The highest $n of a statement: how many values it takes. */
const parameterCount = (text: string) => Math.max(...[...text.matchAll(/\$(\d+)/g)].map((m) => Number(m[1])));

it.each([
  ["the held retries' state", HELD_STATE_STATEMENT],
  ["a recorded attempt's state", RECORD_STATE_STATEMENT],
  ["the fan-out's write", FAN_OUT_WRITE_STATEMENT],
])(
  "%s, planned once on the by-key pool while the tables are tiny, still reads every table by key",
  async (label, text) => {
    await inRolledBackTransaction(async (client) => {
      // Statistics that say the tables are nearly empty (a new installation): a plan made for any
      // values then would scan them, and be kept after they grew.
      await ownerWithWebhooks(client, "tiny-plan", 1);
      await client.query("ANALYZE deliveries, webhooks, delivery_lanes, events, event_traces, delivery_attempts");
      for (const setting of BY_KEY_SETTINGS) {
        const [name, value] = setting.split("=");
        await client.query(`SET LOCAL ${name} = ${value}`);
      }
      // The plan is the generic one (force_generic_plan): the same whatever the values, so none are given.
      await client.query(`PREPARE tiny_plan AS ${text}`);
      const nulls = Array.from({ length: parameterCount(text) }, () => "NULL").join(", ");
      const plan = await client.query<{ "QUERY PLAN": [{ Plan: PlanNode }] }>(
        `EXPLAIN (FORMAT JSON) EXECUTE tiny_plan(${nulls})`,
      );
      const all = planNodes(plan.rows[0]["QUERY PLAN"][0].Plan);
      const scans = all.filter((n) => n["Relation Name"] && n["Node Type"] !== "ModifyTable");
      expect(scans.length, label).toBeGreaterThan(0);
      for (const n of scans) expect(n["Node Type"], `${label}: ${n["Relation Name"]}`).toMatch(/Index/);
      expect(
        all.map((n) => n["Node Type"]),
        label,
      ).not.toContain("Hash Join");
      expect(
        all.map((n) => n["Node Type"]),
        label,
      ).not.toContain("Merge Join");
    });
  },
);
