// The database commands behind `npm run db -- <command>` and the dev/test set-up.
import path from "node:path";
import { databaseUrl, ROOT, usesEmbedded, withDatabase } from "./config";
import { withMigrator } from "./migrator";
import { dropStaleShadowDatabases, ensureDatabase, startServer } from "./server";

/** Make sure the configured database is up and exists (starting the embedded server if it is ours). */
export async function ensureDatabaseUp(opts: { fast?: boolean; quiet?: boolean } = {}) {
  const startedServer = usesEmbedded() ? await startServer(opts) : false;
  await ensureDatabase(databaseUrl());
  return { url: databaseUrl(), startedServer };
}

export async function deploy(url = databaseUrl()): Promise<string[]> {
  return withMigrator(url, async (m) => (await m.deploy()).appliedMigrationNames);
}

export type MigrateResult =
  | { kind: "reset-required"; reason: string }
  | { kind: "in-sync"; applied: string[] }
  | { kind: "created"; dir: string; applied: string[]; warnings: string[] };

/** prisma migrate dev: apply pending migrations, then create (and apply) one for schema changes. */
export async function migrateDev(
  name: string,
  opts: { allowReset?: boolean; createOnly?: boolean; url?: string; schemaPath?: string; migrationsDir?: string } = {},
): Promise<MigrateResult> {
  const url = opts.url ?? databaseUrl();
  await ensureDatabase(url);
  await dropStaleShadowDatabases(url);
  const paths = { schemaPath: opts.schemaPath, migrationsDir: opts.migrationsDir };
  // Two engine sessions: evaluateDataLoss and createMigration need the shadow-database state that
  // devDiagnostic sets up, and an applyMigrations that applied something invalidates it (the engine
  // then fails with "shadow DB must be provided through an external factory"). So the second
  // session starts with devDiagnostic again.
  const applied = await withMigrator(
    url,
    async (m) => {
      const diagnostic = await m.devDiagnostic();
      if (diagnostic.action.tag === "reset") {
        if (!opts.allowReset) return { reason: diagnostic.action.reason ?? "drift detected" };
        await m.reset();
      }
      return (await m.deploy()).appliedMigrationNames;
    },
    paths,
  );
  if (!Array.isArray(applied)) return { kind: "reset-required", reason: applied.reason };
  return withMigrator(
    url,
    async (m) => {
      await m.devDiagnostic();
      const loss = await m.evaluateDataLoss();
      const warnings = [...loss.warnings, ...loss.unexecutableSteps].map((w) => w.message);
      const dir = await m.create(name.replace(/[^A-Za-z0-9_]/g, "_"));
      if (!dir) return { kind: "in-sync", applied };
      if (!opts.createOnly) applied.push(...(await m.deploy()).appliedMigrationNames);
      return { kind: "created", dir: path.relative(ROOT, dir), applied, warnings };
    },
    paths,
  );
}

/** A fresh database on the same server with every migration applied (for a test run). */
export async function createTestDatabase(name: string): Promise<string> {
  const url = withDatabase(databaseUrl(), name);
  await ensureDatabase(url, { recreate: true });
  await deploy(url);
  return url;
}
