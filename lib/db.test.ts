// The pools survive the server ending their idle connections (a restart, a failover, an
// administrator): no uncaught exception, and the next query gets a new connection. Their
// statements with values are prepared once per connection.
import pg from "pg";
import { describe, expect, it } from "vitest";
import { BY_KEY_SETTINGS, byKeyPool, db, pool, sqlTransaction, statementName, statementNamer } from "./db";
import { env } from "./env";

async function waitUntil(check: () => boolean, timeoutMs = 5_000) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe.each([
  ["the shared pool", pool],
  ["the by-key pool", byKeyPool],
])("%s", (_, poolOf) => {
  it("loses an idle connection the server ends without an uncaught exception, and carries on", async () => {
    const p = poolOf();
    const client = await p.connect();
    const { rows } = await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
    client.release();
    const before = p.totalCount;
    // Ended from outside the pool, as a restart or an administrator would.
    const admin = new pg.Client({ connectionString: env.DATABASE_URL });
    await admin.connect();
    try {
      const ended = await admin.query<{ ok: boolean }>("SELECT pg_terminate_backend($1) AS ok", [rows[0].pid]);
      expect(ended.rows[0].ok).toBe(true);
    } finally {
      await admin.end();
    }
    // Without a listener for the pool's "error", this is an uncaught exception (Vitest fails the run).
    await waitUntil(() => p.totalCount < before);
    const after = await p.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
    expect(after.rows[0].pid).not.toBe(rows[0].pid);
  });
});

describe("prepared statements", () => {
  const prepared = (c: Pick<pg.PoolClient, "query">, text: string) =>
    c
      .query<{ name: string }>("SELECT name FROM pg_prepared_statements WHERE statement = $1", [text])
      .then((r) => r.rows.map((row) => row.name));

  it("a statement with values is prepared once per connection, under a name its text gives it", async () => {
    const text = `SELECT $1::int + 1 AS n -- ${Math.random()}`;
    const client = await pool().connect();
    try {
      expect(await prepared(client, text)).toEqual([]);
      expect((await client.query(text, [1])).rows).toEqual([{ n: 2 }]);
      expect((await client.query({ text, values: [41] })).rows).toEqual([{ n: 42 }]);
      expect(await prepared(client, text)).toEqual([statementName(text)]);
    } finally {
      client.release();
    }
  });

  it("is planned for its values every time: a generic plan made while a table was small is never kept", async () => {
    const { rows } = await pool().query<{ plan_cache_mode: string }>("SHOW plan_cache_mode");
    expect(rows[0].plan_cache_mode).toBe("force_custom_plan");
    // The test database's URL sets options of its own (a time zone): both are kept.
    const zone = await pool().query<{ TimeZone: string }>("SHOW TimeZone");
    expect(zone.rows[0].TimeZone).toBe(
      new URL(env.DATABASE_URL).searchParams.get("options")?.match(/TimeZone=(\S+)/)?.[1],
    );
  });

  it("the by-key pool keeps one plan per statement, made with index scans and row-by-row joins only", async () => {
    for (const setting of BY_KEY_SETTINGS) {
      const [name, value] = setting.split("=");
      const { rows } = await byKeyPool().query<Record<string, string>>(`SHOW ${name}`);
      expect(rows[0][name], name).toBe(value);
    }
    const text = `SELECT $1::int * 2 AS n -- ${Math.random()}`;
    expect((await byKeyPool().query<{ n: number }>(text, [21])).rows).toEqual([{ n: 42 }]);
    const { rows } = await byKeyPool().query<{ name: string; generic: number }>(
      "SELECT name, generic_plans::int AS generic FROM pg_prepared_statements WHERE statement = $1",
      [text],
    );
    expect(rows).toEqual([{ name: statementName(text), generic: 1 }]);
  });

  it("a transaction runs on the shared pool, or on the pool it is given (the delivery engine's on the by-key pool)", async () => {
    const mode = (client: pg.PoolClient) =>
      client.query<{ plan_cache_mode: string }>("SHOW plan_cache_mode").then((r) => r.rows[0].plan_cache_mode);
    expect(await sqlTransaction(mode)).toBe("force_custom_plan");
    expect(await sqlTransaction(mode, byKeyPool())).toBe("force_generic_plan");
  });

  it("a statement without values, or one named by its caller, is left as it is", async () => {
    const plain = `SELECT 1 AS n -- ${Math.random()}`;
    const named = `SELECT $1::int AS n -- ${Math.random()}`;
    const client = await pool().connect();
    try {
      await client.query(plain);
      await client.query({ name: "mine", text: named, values: [1] });
      expect(await prepared(client, plain)).toEqual([]);
      expect(await prepared(client, named)).toEqual(["mine"]);
    } finally {
      client.release();
    }
  });

  it("Prisma's statements are prepared too (in a transaction, on its one connection)", async () => {
    const marker = `prisma ${Math.random()}`;
    const names = await db().$transaction(async (tx) => {
      await tx.$queryRaw`SELECT ${marker}::text AS marker`;
      return tx.$queryRaw<{ name: string }[]>`SELECT name FROM pg_prepared_statements
        WHERE statement LIKE '%::text AS marker' AND statement NOT LIKE '%pg_prepared_statements%'`;
    });
    expect(names.length).toBeGreaterThan(0);
  });

  it("names are derived from the text, the same for the same text, and given to at most so many texts", () => {
    const name = statementNamer(2);
    const a = name("SELECT $1");
    expect(a).toMatch(/^s_[\w-]+$/);
    expect(name("SELECT $1")).toBe(a);
    const b = name("SELECT $2");
    expect(b).not.toBe(a);
    expect(name("SELECT $3")).toBeUndefined();
    expect(name("SELECT $1")).toBe(a);
    expect(a?.length).toBeLessThanOrEqual(63);
  });
});
