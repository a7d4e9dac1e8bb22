// One Prisma client per process (Next.js dev reloads modules, so it is kept on globalThis), and
// the pg pool under it. Almost everything goes through Prisma. Plain SQL on the same pool (or
// `$queryRaw` inside a Prisma transaction) is kept for the hot paths, where Prisma's per-call and
// per-row work was measured in `npm run bench:delivery`: the fan-out's batched writes (36 % of the
// app's CPU before they moved to SQL), and a record mutation's access check, value load, event
// insert and publish (22 round trips per created record before, 8 after). The delivery engine's
// by-key statements (its writes and reads by id) run on a second pool that plans each once
// (byKeyPool, below).
import { createHash } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { env } from "./env";
import { PrismaClient } from "./generated/prisma/client";
import { logger } from "./logger";

export function createPrismaClient(connectionString: string, pool?: pg.Pool) {
  return new PrismaClient({
    adapter: new PrismaPg(pool ?? { connectionString, max: poolSize() }),
    omit: {
      user: { passwordHash: true },
      apiToken: { tokenHash: true },
      webhook: { secretEncrypted: true, previousSecretEncrypted: true },
      invitation: { tokenHash: true, tokenEncrypted: true },
    },
  });
}

export type Db = ReturnType<typeof createPrismaClient>;

const poolSize = () => env.DATABASE_POOL_SIZE;

const globalForPrisma = globalThis as unknown as {
  prisma?: Db;
  pgPool?: pg.Pool;
  byKeyPool?: pg.Pool;
};

/**
 * A pool whose idle connection the server ends (a restart, a failover, an administrator) emits
 * `error`; without a listener that is an uncaught exception in whatever the process was doing.
 * The pool has dropped the connection already and opens a new one when next asked.
 */
function survivingLostConnections(created: pg.Pool, name: string): pg.Pool {
  created.on("error", (error) =>
    logger.warn({ err: error, pool: name }, "an idle database connection was lost; a new one replaces it"),
  );
  return created;
}

/**
 * Names for prepared statements, derived from their text (one text, one name), for at most `max`
 * distinct texts: each connection keeps a plan cache entry per statement it ran, and beyond the cap
 * (statements built with a value list of every length, say) a statement is simply not prepared.
 */
export function statementNamer(max: number): (text: string) => string | undefined {
  const names = new Map<string, string>();
  return (text) => {
    let name = names.get(text);
    if (name === undefined && names.size < max) {
      name = `s_${createHash("sha1").update(text).digest("base64url")}`;
      names.set(text, name);
    }
    return name;
  };
}

/** The app's own statements are a few dozen. */
export const statementName = statementNamer(500);

/**
 * A connection that prepares each parameterised statement once (the extended protocol's named
 * statements, as the JDBC driver does after five runs), by Prisma and the hot path's SQL alike: a
 * statement is then parsed once per connection, and planned for its values each time (the pool
 * sets plan_cache_mode=force_custom_plan; see there). Measured in (a) of
 * `npm run bench:delivery`: planning was 43 % of the database time per event. Statements without
 * values (BEGIN, scripts) go as they are; DATABASE_PREPARED_STATEMENTS=0 turns this off (a
 * transaction-mode pooler older than PgBouncer 1.21 cannot keep prepared statements).
 */
class PreparingClient extends pg.Client {}
PreparingClient.prototype.query = function query(this: pg.Client, ...args: unknown[]) {
  const [config, values] = args;
  if (typeof config === "string" && Array.isArray(values) && values.length > 0) {
    const name = statementName(config);
    if (name) args.splice(0, 2, { name, text: config, values });
  } else if (isUnnamedQueryConfig(config)) {
    const name = statementName(config.text);
    if (name) args[0] = { ...config, name };
  }
  return (pg.Client.prototype.query as (...a: unknown[]) => unknown).apply(this, args);
} as pg.Client["query"];

function isUnnamedQueryConfig(config: unknown): config is pg.QueryConfig {
  if (typeof config !== "object" || config === null) return false;
  const c = config as Partial<pg.QueryConfig> & { submit?: unknown };
  return typeof c.text === "string" && !c.name && typeof c.submit !== "function" && (c.values?.length ?? 0) > 0;
}

/**
 * The URL with a session setting added to its `options` (pg lets the URL's `options` replace a
 * pool's own, so a URL that sets any — a time zone, say — would silently drop the setting).
 */
function withSessionSetting(connectionString: string, setting: string): string {
  const url = new URL(connectionString);
  const options = url.searchParams.get("options");
  url.searchParams.set("options", `${options ? `${options} ` : ""}-c ${setting}`);
  return url.toString();
}

/** The pool shared by Prisma and the hot path's SQL, created on first use. */
export function pool(): pg.Pool {
  globalForPrisma.pgPool ??= survivingLostConnections(
    new pg.Pool({
      Client: env.DATABASE_PREPARED_STATEMENTS ? PreparingClient : pg.Client,
      // A prepared statement is still planned for its values each time: a generic plan chosen
      // while a table was small (a new installation, a benchmark's first seconds) stayed in use
      // after it grew — the lanes' lock query scanned every lane, 22 ms a call, in one run of (e).
      connectionString: withSessionSetting(env.DATABASE_URL, "plan_cache_mode=force_custom_plan"),
      max: poolSize(),
      // The pool hands out the most recently used connection, so at a steady rate most connections
      // sit idle; with pg's 10 s default they were closed and opened again at the next burst, each
      // costing a new backend and a SCRAM handshake just when the server is busiest.
      idleTimeoutMillis: 5 * 60_000,
    }),
    "shared",
  );
  return globalForPrisma.pgPool;
}

/**
 * The session settings of the by-key pool: plans made once, in which every table is read through
 * an index and joined row by row — never a sequential scan, a hash or a merge join.
 */
export const BY_KEY_SETTINGS = [
  "plan_cache_mode=force_generic_plan",
  "enable_seqscan=off",
  "enable_hashjoin=off",
  "enable_mergejoin=off",
];

/**
 * The pool of the delivery engine's hot statements, which take a batch of rows by primary key and
 * join others by theirs (the fan-out's writes, an attempt's recording, the held retries' state, an
 * event by id): planned once per connection — planning them for their values cost more than
 * running them (in bench:delivery's (e), 2.8 of the worker's 10 s of database time a minute) —
 * and, with the settings above, a plan made while the tables were small (a new installation, a
 * benchmark's first seconds) still reads them by key once they are large. Its statements are
 * prepared as on the shared pool (unprepared, with DATABASE_PREPARED_STATEMENTS=0, each is
 * planned for its values instead, as everywhere). Only the worker opens it, as large as the
 * shared pool.
 */
export function byKeyPool(): pg.Pool {
  globalForPrisma.byKeyPool ??= survivingLostConnections(
    new pg.Pool({
      Client: env.DATABASE_PREPARED_STATEMENTS ? PreparingClient : pg.Client,
      connectionString: BY_KEY_SETTINGS.reduce(withSessionSetting, env.DATABASE_URL),
      max: poolSize(),
      idleTimeoutMillis: 5 * 60_000,
    }),
    "by key",
  );
  return globalForPrisma.byKeyPool;
}

/** The shared client, created on first use so that importing this module never connects. */
export function db(): Db {
  globalForPrisma.prisma ??= createPrismaClient(env.DATABASE_URL, pool());
  return globalForPrisma.prisma;
}

/** The client inside `db().$transaction(async (tx) => …)`. */
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/**
 * Run `fn` in one SQL transaction on a pooled connection (the hot path's batched writes): of the
 * shared pool, or `on` another (the delivery engine's by-key pool).
 */
export async function sqlTransaction<T>(fn: (client: pg.PoolClient) => Promise<T>, on: pg.Pool = pool()): Promise<T> {
  const client = await on.connect();
  let result: T;
  try {
    await client.query("BEGIN");
    result = await fn(client);
    await client.query("COMMIT");
  } catch (error) {
    // A connection that cannot even roll back is dropped from the pool, not reused.
    const broken = await client.query("ROLLBACK").then(
      () => false,
      () => true,
    );
    client.release(broken);
    throw error;
  }
  client.release();
  return result;
}
