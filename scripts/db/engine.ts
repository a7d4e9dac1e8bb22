// @prisma/schema-engine-wasm driven offline (the Prisma CLI would download a native engine),
// with the adapter-pg fixes migrations need: OID 18 "char" columns, real shadow databases, one session.
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory, ColumnTypeEnum } from "@prisma/driver-adapter-utils";
import pg from "pg";

// biome-ignore lint/suspicious/noExplicitAny: the wasm-bindgen module has no types for its internals
type Any = any;

const requireFromRoot = createRequire(path.join(process.cwd(), "package.json"));

let enginePromise: Promise<Any> | undefined;

/** Instantiate once per process: a second instance swaps the wasm memory under live engines. */
function loadSchemaEngine(): Promise<Any> {
  enginePromise ??= instantiate();
  return enginePromise;
}

async function instantiate() {
  // The wasm module reports Rust panics through this global (the Prisma CLI normally installs it).
  (globalThis as Any).PRISMA_WASM_PANIC_REGISTRY ??= {
    set_message: (m: string) => console.error("[schema-engine panic]", m),
  };
  const bg: Any = await import("@prisma/schema-engine-wasm/schema_engine_bg");
  const wasmPath = requireFromRoot
    .resolve("@prisma/schema-engine-wasm/schema_engine_bg")
    .replace(/schema_engine_bg\.js$/, "schema_engine_bg.wasm");
  // The engine arms a 10 s advisory-lock timer it never clears, which would keep a CLI alive: unref it.
  const imports: Record<string, Any> = { ...bg };
  for (const key of Object.keys(bg)) {
    if (key.startsWith("__wbg_setTimeout_")) {
      imports[key] = (f: () => void, ms: number) => setTimeout(f, ms >>> 0).unref();
    }
  }
  const { instance } = await WebAssembly.instantiate(fs.readFileSync(wasmPath), {
    "./schema_engine_bg.js": imports,
  });
  bg.__wbg_set_wasm(instance.exports);
  (instance.exports as Any).__wbindgen_start();
  return bg.SchemaEngine;
}

const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;
let charPatched = false;

/**
 * adapter-pg 7.10.1 cannot map PostgreSQL's internal one-byte "char" type (OID 18), which every
 * introspection query of the schema engine returns (pg_class.relkind, pg_constraint.contype…).
 * Relabel those columns as text while the driver decodes them, then report them as Character
 * (Text makes PostgreSQL 18 panic the engine). Patches the shared queryable prototype once.
 */
async function patchCharColumns(factory: { connect(): Promise<Any> }) {
  if (charPatched) return;
  const adapter = await factory.connect();
  let proto = Object.getPrototypeOf(adapter);
  while (proto && !Object.hasOwn(proto, "performIO")) proto = Object.getPrototypeOf(proto);
  await adapter.dispose();
  if (!proto || !Object.hasOwn(proto, "queryRaw")) {
    throw new Error("@prisma/adapter-pg internals changed: performIO/queryRaw not found");
  }
  const charColumns = new WeakMap<object, number[]>();
  const { performIO, queryRaw } = proto;
  proto.performIO = async function (this: unknown, query: object) {
    const res = await performIO.call(this, query);
    const indexes: number[] = [];
    res?.fields?.forEach((f: { dataTypeID: number }, i: number) => {
      if (f.dataTypeID === PG_CHAR_OID) {
        f.dataTypeID = PG_TEXT_OID;
        indexes.push(i);
      }
    });
    if (indexes.length) charColumns.set(query, indexes);
    return res;
  };
  proto.queryRaw = async function (this: unknown, query: object) {
    const res = await queryRaw.call(this, query);
    for (const i of charColumns.get(query) ?? []) res.columnTypes[i] = ColumnTypeEnum.Character;
    return res;
  };
  charPatched = true;
}

/**
 * Explicit fields, never { connectionString }: adapter-pg builds the shadow pool as
 * { ...config, database }, and a connectionString would override that database, making the
 * "shadow" database the real one.
 */
function pgConfig(url: string) {
  const u = new URL(url);
  return {
    host: decodeURIComponent(u.hostname),
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    database: decodeURIComponent(u.pathname.slice(1)) || "postgres",
  };
}

function migrationAdapterFactory(url: string) {
  // One session, as the native engine has: applyMigrations takes pg_advisory_lock and a pool would
  // release it on another connection, leaving the lock held for the next command.
  const config = { ...pgConfig(url), max: 1 };
  const inner = new PrismaPg(config);
  const admin = async (sql: string) => {
    const client = new pg.Client(config);
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  const opened: Any[] = [];
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    connect: async () => {
      const adapter = await inner.connect();
      opened.push(adapter);
      return adapter;
    },
    disposeAll: async () => {
      for (const adapter of opened.splice(0)) await adapter.dispose().catch(() => {});
    },
    // adapter-pg drops the shadow database before closing its pool, which PostgreSQL refuses;
    // close first, then drop.
    async connectToShadowDb() {
      const name = `prisma_migrate_shadow_db_${randomUUID()}`;
      await admin(`CREATE DATABASE "${name}"`);
      const adapter = await new PrismaPg({ ...config, database: name }).connect();
      const dispose = adapter.dispose.bind(adapter);
      adapter.dispose = async () => {
        await dispose();
        await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      };
      return adapter;
    },
  };
}

export async function openSchemaEngine(url: string, schemaPath: string) {
  const SchemaEngine = await loadSchemaEngine();
  const factory = migrationAdapterFactory(url);
  await patchCharColumns(factory);
  const schema = fs.readFileSync(schemaPath, "utf8");
  const logs: string[] = [];
  const engine = await SchemaEngine.new(
    { datamodels: [[schemaPath, schema]] },
    (line: string) => logs.push(line),
    bindMigrationAwareSqlAdapterFactory(factory as Any),
  );
  const close = async () => {
    engine.free();
    await factory.disposeAll();
  };
  return { engine, schema, logs, close };
}
