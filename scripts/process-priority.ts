// Background work yields the CPU to the web process when both want it: under a delivery backlog
// people's requests stay fast and deliveries use what is left (dev.ts, production runs).
import fs from "node:fs";
import os from "node:os";
import pg from "pg";

/** The application_name of the background processes' database sessions, to find them by. */
export const WORKER_APPLICATION_NAME = "blue-webhooks-worker";
/** tools/inngest-local names its sessions so. */
export const INNGEST_LOCAL_APPLICATION_NAME = "inngest-local";

/**
 * Lower a process's CPU priority to `nice`. With the kernel's autogroup scheduling on (most
 * desktops, and this CI machine) every session is scheduled as one unit and a process's own nice
 * value only ranks it inside its session, so the session's autogroup gets the same value (the
 * worker and each PostgreSQL backend lead their own sessions). False when the kernel refused.
 */
export function lowerPriority(pid: number, nice: number): boolean {
  if (!(nice > 0)) return true;
  try {
    os.setPriority(pid, nice);
  } catch {
    return false;
  }
  try {
    fs.writeFileSync(`/proc/${pid}/autogroup`, String(nice));
  } catch {
    // No autogroup scheduling here (or not Linux): the process's nice value is what counts.
  }
  return true;
}

export function withApplicationName(url: string, name: string): string {
  const u = new URL(url);
  u.searchParams.set("application_name", name);
  return u.toString();
}

/**
 * Keep the database sessions of one application (by application_name) at a lower priority too:
 * on one machine they compete for the same cores. Checked every `everyMs` for new sessions; only
 * for a PostgreSQL server on this host (its process ids must be this host's). Returns a stop
 * function and a promise of the first pass.
 */
export function lowerSessionsPriority(url: string, applicationName: string, nice: number, everyMs = 1000) {
  const done = new Set<number>();
  const client = new pg.Client({ connectionString: url });
  client.on("error", () => undefined);
  let warned = false;
  let timer: NodeJS.Timeout | undefined;
  const pass = async () => {
    const { rows } = await client.query<{ pid: number }>(
      "SELECT pid FROM pg_stat_activity WHERE application_name = $1",
      [applicationName],
    );
    const current = new Set(rows.map((r) => r.pid));
    for (const pid of done) if (!current.has(pid)) done.delete(pid);
    for (const pid of current) {
      if (done.has(pid)) continue;
      if (lowerPriority(pid, nice)) done.add(pid);
      else if (!warned) {
        console.warn(`could not lower the priority of ${applicationName}'s database sessions`);
        warned = true;
      }
    }
    return [...done];
  };
  const first = nice > 0 ? client.connect().then(pass) : Promise.resolve([]);
  first.then(
    () => {
      timer = setInterval(() => pass().catch(() => undefined), everyMs);
      timer.unref();
    },
    () => undefined,
  );
  return {
    first,
    stop: async () => {
      clearInterval(timer);
      await client.end().catch(() => undefined);
    },
  };
}
