// Reading PostgreSQL's plans in tests: the nodes of an EXPLAIN (FORMAT JSON), and a transaction
// that is always rolled back, so that the rows a plan test makes never reach the other tests.
import type { PoolClient } from "pg";
import { pool } from "@/lib/db";

export type PlanNode = { "Node Type": string; "Relation Name"?: string; "Index Name"?: string; Plans?: PlanNode[] };

/** Every node of a plan, depth first. */
export const planNodes = (n: PlanNode): PlanNode[] => [n, ...(n.Plans ?? []).flatMap(planNodes)];

/** Run `fn` in a transaction that is rolled back, its prepared statements deallocated. */
export async function inRolledBackTransaction(fn: (client: PoolClient) => Promise<void>) {
  const client = await pool().connect();
  try {
    await client.query("BEGIN");
    await fn(client);
  } finally {
    await client.query("ROLLBACK");
    await client.query("DEALLOCATE ALL");
    client.release();
  }
}
