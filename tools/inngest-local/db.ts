// PostgreSQL access: one pool, a transaction helper and the schema. Everything lives in its own
// schema (default "inngest_local"), created idempotently on start; the app's Prisma schema is
// never touched.
import { createHash } from "node:crypto";
import pg from "pg";
import type { Logger } from "pino";

export type Queryable = Pick<pg.PoolClient, "query">;

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

function assertSchemaName(schema: string): void {
  if (!IDENTIFIER.test(schema)) throw new Error(`invalid schema name ${JSON.stringify(schema)}: use [a-z_][a-z0-9_]*`);
}

const TABLES = ["apps", "functions", "crons", "events", "runs", "steps", "history", "queue", "idempotency"] as const;
export type Tables = Record<(typeof TABLES)[number], string>;

function ddl(s: string, t: Tables): string[] {
  return [
    `CREATE SCHEMA IF NOT EXISTS "${s}"`,
    `CREATE TABLE IF NOT EXISTS ${t.apps} (
      id text PRIMARY KEY,
      url text NOT NULL,
      sdk text,
      framework text,
      config_hash text NOT NULL,
      synced_at timestamptz NOT NULL
    )`,
    `CREATE TABLE IF NOT EXISTS ${t.functions} (
      id text PRIMARY KEY,
      app_id text NOT NULL REFERENCES ${t.apps}(id) ON DELETE CASCADE,
      name text NOT NULL,
      config jsonb NOT NULL,
      updated_at timestamptz NOT NULL
    )`,
    `CREATE TABLE IF NOT EXISTS ${t.crons} (
      function_id text NOT NULL REFERENCES ${t.functions}(id) ON DELETE CASCADE,
      expression text NOT NULL,
      next_at timestamptz NOT NULL,
      PRIMARY KEY (function_id, expression)
    )`,
    `CREATE TABLE IF NOT EXISTS ${t.events} (
      id text PRIMARY KEY,
      name text NOT NULL,
      dedupe_id text,
      payload jsonb NOT NULL,
      received_at timestamptz NOT NULL
    )`,
    `CREATE UNIQUE INDEX IF NOT EXISTS events_dedupe_id ON ${t.events} (dedupe_id)`,
    `CREATE TABLE IF NOT EXISTS ${t.runs} (
      id text PRIMARY KEY,
      function_id text NOT NULL,
      app_id text NOT NULL,
      event_id text NOT NULL,
      event jsonb NOT NULL,
      status text NOT NULL,
      max_attempts int NOT NULL,
      version int,
      disable_immediate boolean NOT NULL DEFAULT false,
      pending text[] NOT NULL DEFAULT '{}',
      stack text[] NOT NULL DEFAULT '{}',
      concurrency_keys text[] NOT NULL DEFAULT '{}',
      concurrency_limits int[] NOT NULL DEFAULT '{}',
      output jsonb,
      error jsonb,
      created_at timestamptz NOT NULL,
      started_at timestamptz,
      ended_at timestamptz
    )`,
    `CREATE INDEX IF NOT EXISTS runs_created ON ${t.runs} (created_at DESC, id DESC)`,
    `CREATE INDEX IF NOT EXISTS runs_function_created ON ${t.runs} (function_id, created_at DESC)`,
    `CREATE INDEX IF NOT EXISTS runs_status_created ON ${t.runs} (status, created_at DESC)`,
    `CREATE TABLE IF NOT EXISTS ${t.steps} (
      run_id text NOT NULL REFERENCES ${t.runs}(id) ON DELETE CASCADE,
      id text NOT NULL,
      name text,
      op text,
      status text NOT NULL,
      attempts int NOT NULL DEFAULT 0,
      memo jsonb,
      error jsonb,
      wake_at timestamptz,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      PRIMARY KEY (run_id, id)
    )`,
    `CREATE TABLE IF NOT EXISTS ${t.history} (
      id bigserial PRIMARY KEY,
      run_id text NOT NULL REFERENCES ${t.runs}(id) ON DELETE CASCADE,
      at timestamptz NOT NULL,
      step_id text NOT NULL,
      attempt int NOT NULL,
      http_status int,
      duration_ms int,
      summary text NOT NULL
    )`,
    `CREATE INDEX IF NOT EXISTS history_run ON ${t.history} (run_id, id)`,
    `CREATE TABLE IF NOT EXISTS ${t.queue} (
      id bigserial PRIMARY KEY,
      run_id text NOT NULL REFERENCES ${t.runs}(id) ON DELETE CASCADE,
      app_id text NOT NULL,
      kind text NOT NULL,
      step_id text NOT NULL,
      attempt int NOT NULL DEFAULT 0,
      due_at timestamptz NOT NULL,
      priority_at timestamptz NOT NULL,
      concurrency_keys text[] NOT NULL DEFAULT '{}',
      concurrency_limits int[] NOT NULL DEFAULT '{}',
      lease_token uuid,
      lease_until timestamptz,
      UNIQUE (run_id, step_id)
    )`,
    `CREATE INDEX IF NOT EXISTS queue_due ON ${t.queue} (kind, app_id, due_at)`,
    `CREATE INDEX IF NOT EXISTS queue_concurrency ON ${t.queue} USING gin (concurrency_keys)`,
    `CREATE TABLE IF NOT EXISTS ${t.idempotency} (
      function_id text NOT NULL,
      key text NOT NULL,
      run_id text NOT NULL,
      created_at timestamptz NOT NULL,
      PRIMARY KEY (function_id, key)
    )`,
  ];
}

/** The URL with a session setting added to its `options` (which, in a URL, win over the pool's). */
function withSessionSetting(databaseUrl: string, setting: string): string {
  const url = URL.parse(databaseUrl);
  if (!url) return databaseUrl;
  const options = url.searchParams.get("options");
  url.searchParams.set("options", `${options ? `${options} ` : ""}-c ${setting}`);
  return url.toString();
}

/** Statements prepared per process at most: the server's own are a few dozen (an ingest of n events is one per n). */
const MAX_PREPARED = 300;
const prepared = new Map<string, string>();

/**
 * Each statement with values is prepared once per connection, under a name derived from its text:
 * PostgreSQL then parses it once, and plans it once where a generic plan is as good (its lease and
 * run statements were planned on every call: about half their database time).
 */
function preparingStatements(pool: pg.Pool): pg.Pool {
  pool.on("connect", (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    client.query = ((text: unknown, values?: unknown, ...rest: unknown[]) => {
      if (typeof text !== "string" || !Array.isArray(values) || values.length === 0)
        return query(text, values, ...rest);
      let name = prepared.get(text);
      if (!name && prepared.size < MAX_PREPARED) {
        name = `il_${createHash("sha1").update(text).digest("base64url")}`;
        prepared.set(text, name);
      }
      return name ? query({ name, text, values }, ...rest) : query(text, values, ...rest);
    }) as typeof client.query;
  });
  return pool;
}

export class Database {
  readonly pool: pg.Pool;
  /**
   * Sessions whose commits do not wait for the WAL flush (synchronous_commit = off), for the
   * bookkeeping that running functions at least once tolerates losing in a database crash: leases,
   * run status, applied call results, resolved sleeps. Lost, a call is simply leased and made
   * again. What the app relies on being durable — an acknowledged send (its event and runs), app
   * syncs, cancellations — commits on `pool`, and any later durable commit flushes the relaxed ones
   * before it, so nothing is ever durable after something written later.
   */
  readonly relaxed: pg.Pool;
  readonly t: Tables;

  constructor(
    databaseUrl: string,
    readonly schema: string,
    private readonly logger: Logger,
  ) {
    assertSchemaName(schema);
    this.t = Object.fromEntries(TABLES.map((name) => [name, `"${schema}"."${name}"`])) as Tables;
    this.pool = preparingStatements(
      new pg.Pool({
        connectionString: withSessionSetting(databaseUrl, "synchronous_commit=on"),
        max: 10,
        application_name: "inngest-local",
      }),
    );
    this.relaxed = preparingStatements(
      new pg.Pool({
        connectionString: withSessionSetting(databaseUrl, "synchronous_commit=off"),
        max: 10,
        application_name: "inngest-local",
      }),
    );
    // An idle client losing its connection emits here; unhandled, it would crash the process.
    for (const pool of [this.pool, this.relaxed])
      pool.on("error", (error) => this.logger.error({ err: error }, "postgres pool error"));
  }

  /** Creates the schema and tables if missing. Serialised by an advisory lock so two servers can start together. */
  async migrate(): Promise<void> {
    await this.tx(async (c) => {
      await c.query("SELECT pg_advisory_xact_lock(hashtext($1))", [`inngest-local:migrate:${this.schema}`]);
      for (const statement of ddl(this.schema, this.t)) await c.query(statement);
    });
  }

  /** A transaction; `durable: false` commits without waiting for the WAL flush (see `relaxed`). */
  async tx<T>(fn: (client: pg.PoolClient) => Promise<T>, opts: { durable?: boolean } = {}): Promise<T> {
    const client = await (opts.durable === false ? this.relaxed : this.pool).connect();
    let broken: Error | undefined;
    try {
      await client.query("BEGIN");
      const result = await fn(client);
      await client.query("COMMIT");
      return result;
    } catch (error) {
      await client.query("ROLLBACK").catch((rollbackError: Error) => {
        broken = rollbackError;
      });
      throw error;
    } finally {
      client.release(broken);
    }
  }

  async close(): Promise<void> {
    await Promise.all([this.pool.end(), this.relaxed.end()]);
  }
}
