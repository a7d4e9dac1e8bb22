// The local server's two kinds of commit: durable for what the app relies on (an acknowledged send),
// relaxed (no wait for the WAL flush) for bookkeeping that at-least-once execution may lose.
import type { Logger } from "pino";
import { afterAll, beforeAll, expect, it } from "vitest";
import { Database } from "./db";
import { dropSchema, silentLogger, testDatabaseUrl, uniqueSchema } from "./test-support";

const schema = uniqueSchema("db");
let db: Database;

beforeAll(async () => {
  db = new Database(testDatabaseUrl(), schema, silentLogger as unknown as Logger);
  await db.migrate();
});
afterAll(async () => {
  await db.close();
  await dropSchema(schema);
});

const setting = (c: { query: Database["pool"]["query"] }) =>
  c.query<{ synchronous_commit: string }>("SHOW synchronous_commit").then((r) => r.rows[0].synchronous_commit);

it("commits transactions durably unless they are marked relaxed", async () => {
  expect(await db.tx((c) => setting(c))).toBe("on");
  expect(await db.tx((c) => setting(c), { durable: true })).toBe("on");
  expect(await db.tx((c) => setting(c), { durable: false })).toBe("off");
  expect(await setting(db.pool)).toBe("on");
  expect(await setting(db.relaxed)).toBe("off");
});

it("a relaxed transaction's writes are visible to every session at once, and roll back like any other", async () => {
  await db.tx(
    (c) => c.query(`INSERT INTO ${db.t.apps} (id, url, config_hash, synced_at) VALUES ('a', 'u', 'h', now())`),
    {
      durable: false,
    },
  );
  const seen = await db.pool.query(`SELECT id FROM ${db.t.apps} WHERE id = 'a'`);
  expect(seen.rowCount).toBe(1);
  await expect(
    db.tx(
      async (c) => {
        await c.query(`INSERT INTO ${db.t.apps} (id, url, config_hash, synced_at) VALUES ('b', 'u', 'h', now())`);
        throw new Error("abandoned");
      },
      { durable: false },
    ),
  ).rejects.toThrow("abandoned");
  expect((await db.pool.query(`SELECT id FROM ${db.t.apps} WHERE id = 'b'`)).rowCount).toBe(0);
});

it("statements with values are prepared once per connection, in both pools; others are not", async () => {
  for (const pool of [db.pool, db.relaxed]) {
    const text = `SELECT $1::int * 2 AS n -- ${Math.random()}`;
    const plain = `SELECT 2 AS n -- ${Math.random()}`;
    const client = await pool.connect();
    try {
      expect((await client.query(text, [21])).rows).toEqual([{ n: 42 }]);
      expect((await client.query(text, [2])).rows).toEqual([{ n: 4 }]);
      await client.query(plain);
      const { rows } = await client.query<{ statement: string }>(
        "SELECT statement FROM pg_prepared_statements WHERE statement IN ($1, $2)",
        [text, plain],
      );
      expect(rows.map((r) => r.statement)).toEqual([text]);
    } finally {
      client.release();
    }
  }
});
