import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { lowerPriority, lowerSessionsPriority, withApplicationName } from "./process-priority";

const cleanups: (() => Promise<unknown> | unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

function autogroupNice(pid: number): number | null {
  try {
    const match = /nice (-?\d+)/.exec(fs.readFileSync(`/proc/${pid}/autogroup`, "utf8"));
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

describe("process priority", () => {
  it("lowers a process's nice value and, where the kernel has them, its session's autogroup", () => {
    // Detached: its own session, as the worker is.
    const child = spawn("sleep", ["30"], { detached: true, stdio: "ignore" });
    cleanups.push(() => child.kill("SIGKILL"));
    expect(os.getPriority(child.pid!)).toBe(0);
    expect(lowerPriority(child.pid!, 7)).toBe(true);
    expect(os.getPriority(child.pid!)).toBe(7);
    if (fs.existsSync("/proc/sys/kernel/sched_autogroup_enabled")) expect(autogroupNice(child.pid!)).toBe(7);
  });

  it("refuses a process that does not exist", () => {
    expect(lowerPriority(2 ** 22 + 12345, 5)).toBe(false);
  });

  // Renicing a backend owned by the postgres OS user needs root (CI runs as root).
  it.skipIf(process.getuid?.() !== 0)("lowers the database sessions of one application, not the others", async () => {
    const url = process.env.DATABASE_URL!;
    const name = `priority-test-${process.pid}`;
    const mine = new pg.Client({ connectionString: withApplicationName(url, name) });
    const other = new pg.Client({ connectionString: url });
    await Promise.all([mine.connect(), other.connect()]);
    cleanups.push(() => Promise.all([mine.end(), other.end()]));
    const [minePid, otherPid] = await Promise.all(
      [mine, other].map(async (c) => (await c.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0].pid),
    );
    const watcher = lowerSessionsPriority(url, name, 6, 60_000);
    cleanups.push(watcher.stop);
    expect(await watcher.first).toEqual([minePid]);
    expect(os.getPriority(minePid)).toBe(6);
    expect(os.getPriority(otherPid)).toBe(0);
  });
});
