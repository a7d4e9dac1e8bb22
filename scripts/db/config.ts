// Where the database lives: an explicit DATABASE_URL, or the embedded PostgreSQL cluster.
import crypto from "node:crypto";
import path from "node:path";

export const ROOT = path.resolve(process.env.PROJECT_ROOT ?? process.cwd());
export const SCHEMA_PATH = path.join(ROOT, "prisma/schema.prisma");
export const MIGRATIONS_DIR = path.join(ROOT, "prisma/migrations");

const EMBEDDED_USER = "blue";
const EMBEDDED_PASSWORD = "blue-local-only";
export const EMBEDDED_PORT = Number(process.env.PGPORT_EMBEDDED ?? 55432);
export const EMBEDDED_URL = `postgresql://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${EMBEDDED_PORT}/blue`;

/** True when no DATABASE_URL names an external server, so the embedded one is ours to run. */
export function usesEmbedded(): boolean {
  return !process.env.DATABASE_URL;
}

export function databaseUrl(): string {
  return process.env.DATABASE_URL ?? EMBEDDED_URL;
}

/** The same server, another database (for tests and admin connections). */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.slice(1));
}

export const embeddedCredentials = { user: EMBEDDED_USER, password: EMBEDDED_PASSWORD };

/** A stable per-checkout folder outside the work tree, for checkouts the postgres user cannot enter. */
export function fallbackBase(): string {
  const hash = crypto.createHash("sha1").update(ROOT).digest("hex").slice(0, 10);
  return path.join("/var/tmp", `blue-webhooks-${hash}`);
}
