// The pools survive the server ending their idle connections (a restart, a failover, an
// administrator): no uncaught exception, and the next query gets a new connection.
import pg from "pg";
import { describe, expect, it } from "vitest";
import { plannedOncePool, pool } from "./db";
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
  ["the planned-once pool", plannedOncePool],
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
