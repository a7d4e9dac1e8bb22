// The SQL statements a piece of code sends to PostgreSQL, counted on the real pg client: under load
// every round trip waits for a database backend, so their number is part of a cost.
import pg from "pg";

/** The statements sent while `fn` runs, each shortened to its first three words. */
export async function statementsDuring(fn: () => Promise<unknown>): Promise<string[]> {
  const seen: string[] = [];
  const query = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const config = args[0] as string | { text: string };
    seen.push(typeof config === "string" ? config : config.text);
    return (query as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof query;
  try {
    await fn();
  } finally {
    pg.Client.prototype.query = query;
  }
  return seen.map((s) => s.trim().split(/\s+/).slice(0, 3).join(" "));
}
