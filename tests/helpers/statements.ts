// The SQL statements a piece of code sends to PostgreSQL, counted on the real pg client: under load
// every round trip waits for a database backend, so their number is part of a cost.
import { AsyncLocalStorage } from "node:async_hooks";
import pg from "pg";

const counting = new AsyncLocalStorage<string[]>();

/**
 * The statements sent while `fn` runs, each shortened to its first three words — only `fn`'s own
 * (sent from its async context): work still going on in the background of an earlier test (an
 * outbox relay, a fan-out) sends statements in the same moments, and counting them made a count
 * flaky.
 */
export async function statementsDuring(fn: () => Promise<unknown>): Promise<string[]> {
  const seen: string[] = [];
  const query = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const config = args[0] as string | { text: string };
    counting.getStore()?.push(typeof config === "string" ? config : config.text);
    return (query as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof query;
  try {
    await counting.run(seen, fn);
  } finally {
    pg.Client.prototype.query = query;
  }
  return seen.map((s) => s.trim().split(/\s+/).slice(0, 3).join(" "));
}
