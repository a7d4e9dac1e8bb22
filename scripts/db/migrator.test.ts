// The offline migration commands against a real PostgreSQL: create, apply, keep data, detect drift.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateDev } from "./commands";
import { databaseUrl, MIGRATIONS_DIR, SCHEMA_PATH, withDatabase } from "./config";
import { withMigrator } from "./migrator";
import { dropDatabase, ensureDatabase } from "./server";

let work: string;
let schemaPath: string;
let migrationsDir: string;
let url: string;

async function query(sql: string, params: unknown[] = []) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows;
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), "migrate-test-"));
  schemaPath = path.join(work, "schema.prisma");
  migrationsDir = path.join(work, "migrations");
  fs.copyFileSync(SCHEMA_PATH, schemaPath);
  fs.cpSync(MIGRATIONS_DIR, migrationsDir, { recursive: true });
  url = withDatabase(databaseUrl(), `blue_migrate_${process.pid}`);
  await ensureDatabase(url, { recreate: true });
});

afterAll(async () => {
  await dropDatabase(url);
  fs.rmSync(work, { recursive: true, force: true });
});

describe("offline migrations", () => {
  it("the committed migrations match prisma/schema.prisma (nothing left to migrate)", async () => {
    const scratch = withDatabase(databaseUrl(), `blue_migrate_sync_${process.pid}`);
    await ensureDatabase(scratch, { recreate: true });
    try {
      const result = await migrateDev("unexpected", { url: scratch, schemaPath, migrationsDir, createOnly: true });
      expect(result.kind).toBe("in-sync");
    } finally {
      await dropDatabase(scratch);
    }
  });

  it("creates a migration for a changed schema that applies without losing data", async () => {
    await withMigrator(url, (m) => m.deploy(), { schemaPath, migrationsDir });
    await query(
      "INSERT INTO users (id, email, name, password_hash, updated_at) VALUES ('u1', 'keep@example.test', 'Keep Me', 'x', now())",
    );

    const schema = fs.readFileSync(schemaPath, "utf8");
    fs.writeFileSync(
      schemaPath,
      schema.replace(
        '  passwordHash String   @map("password_hash")',
        '  passwordHash String   @map("password_hash")\n  timezone     String   @default("UTC")',
      ),
    );
    const result = await migrateDev("add timezone", { url, schemaPath, migrationsDir });
    expect(result.kind).toBe("created");
    if (result.kind !== "created") return;
    expect(path.basename(result.dir)).toMatch(/^\d{14}_add_timezone$/);
    const sql = fs.readFileSync(path.join(migrationsDir, path.basename(result.dir), "migration.sql"), "utf8");
    expect(sql).toContain('ALTER TABLE "users" ADD COLUMN     "timezone" TEXT NOT NULL DEFAULT \'UTC\'');
    expect(result.applied).toContain(path.basename(result.dir));

    expect(await query("SELECT email, name, timezone FROM users WHERE id = 'u1'")).toEqual([
      { email: "keep@example.test", name: "Keep Me", timezone: "UTC" },
    ]);
    const history = await query("SELECT migration_name, checksum, finished_at FROM _prisma_migrations ORDER BY 1");
    expect(history.map((r) => r.migration_name)).toContain(path.basename(result.dir));
    for (const row of history) {
      expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(row.finished_at).not.toBeNull();
    }
    expect(fs.readFileSync(path.join(migrationsDir, "migration_lock.toml"), "utf8")).toContain(
      'provider = "postgresql"',
    );

    expect((await migrateDev("again", { url, schemaPath, migrationsDir })).kind).toBe("in-sync");
  });

  it("refuses to continue when an applied migration was edited, unless told to reset", async () => {
    const [first] = fs.readdirSync(migrationsDir).filter((d) => /^\d{14}_/.test(d));
    fs.appendFileSync(path.join(migrationsDir, first, "migration.sql"), "\n-- edited after it was applied\n");
    const result = await migrateDev("edited", { url, schemaPath, migrationsDir });
    expect(result.kind).toBe("reset-required");
    if (result.kind === "reset-required") expect(result.reason).toMatch(/modified after it was applied/);
    expect(await query("SELECT count(*)::int AS n FROM users")).toEqual([{ n: 1 }]);
  });
});
