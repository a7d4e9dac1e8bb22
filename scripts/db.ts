// npm run db -- <command>: the embedded PostgreSQL server and offline Prisma migrations.

import { deploy, ensureDatabaseUp, migrateDev } from "./db/commands";
import { databaseUrl, usesEmbedded } from "./db/config";
import { withMigrator } from "./db/migrator";
import { dropStaleShadowDatabases, serverStatus, startServer, stopServer } from "./db/server";
import { loadEnvFiles } from "./env-files";

const USAGE = `usage: npm run db -- <command>
  start                         start the embedded PostgreSQL (no-op with DATABASE_URL)
  stop                          stop the embedded PostgreSQL
  status                        is the embedded server running, and where is its data
  migrate [name] [--create-only] [--reset]
                                apply pending migrations, then create one from schema changes
  deploy                        apply pending migrations (what production runs)
  migrate-status                pending, failed or edited migrations and drift; exit 1 if any
  reset                         drop everything and re-apply every migration`;

async function main(argv: string[]): Promise<number> {
  loadEnvFiles();
  const [command, ...rest] = argv;
  const args = rest.filter((a) => !a.startsWith("--"));
  const flag = (name: string) => rest.includes(name);
  const requireEmbedded = () => {
    if (usesEmbedded()) return true;
    console.log("DATABASE_URL is set: the embedded server is not used.");
    return false;
  };
  switch (command) {
    case "start":
      if (requireEmbedded()) await startServer();
      return 0;
    case "stop":
      if (requireEmbedded() && !(await stopServer())) console.log("postgres: not running");
      return 0;
    case "status": {
      if (!requireEmbedded()) return 0;
      const s = await serverStatus();
      console.log(`${s.running ? "running" : "stopped"} (data in ${s.dataDir})`);
      return 0;
    }
    case "migrate": {
      await ensureDatabaseUp();
      const result = await migrateDev(args[0] ?? "migration", {
        allowReset: flag("--reset"),
        createOnly: flag("--create-only"),
      });
      if (result.kind === "reset-required") {
        console.error(`${result.reason}\nRe-run with --reset to drop all data and re-apply the migrations.`);
        return 1;
      }
      if (result.applied.length) console.log(`applied: ${result.applied.join(", ")}`);
      if (result.kind === "in-sync") console.log("Already in sync: no schema change to migrate.");
      else {
        for (const w of result.warnings) console.warn(`WARNING: ${w}`);
        console.log(`created ${result.dir}`);
      }
      return 0;
    }
    case "deploy": {
      await ensureDatabaseUp();
      const applied = await deploy();
      console.log(applied.length ? `applied: ${applied.join(", ")}` : "No pending migrations to apply.");
      return 0;
    }
    case "migrate-status": {
      await ensureDatabaseUp();
      await dropStaleShadowDatabases();
      return withMigrator(databaseUrl(), async (m) => {
        const status = await m.status(false);
        const diagnostic = await m.devDiagnostic();
        console.log(JSON.stringify(status, null, 2));
        const drift = diagnostic.action.tag === "reset";
        console.log(drift ? diagnostic.action.reason : "No drift: the database matches the migration history.");
        const problems = status.history || status.editedMigrationNames?.length || status.failedMigrationNames?.length;
        return problems || drift ? 1 : 0;
      });
    }
    case "reset": {
      await ensureDatabaseUp();
      const r = await withMigrator(databaseUrl(), (m) => m.reset());
      console.log(`reset; applied: ${r.appliedMigrationNames.join(", ") || "none"}`);
      return 0;
    }
    default:
      console.log(USAGE);
      return command && command !== "help" ? 1 : 0;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
