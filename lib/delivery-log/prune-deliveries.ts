// Retention: delivery attempts, finished deliveries and traces older than the window
// (DELIVERY_RETENTION_DAYS, default 30) are deleted in small batches, each its own short
// statement, so pruning never holds long locks on tables that deliveries write to.
import { db } from "../db";
import { env } from "../env";

export function retentionDays(): number {
  return env.DELIVERY_RETENTION_DAYS;
}

export async function pruneBatch(now = new Date(), batch = 2_000) {
  const cutoff = new Date(now.getTime() - retentionDays() * 86_400_000);
  const attempts = await db().$executeRaw`
    DELETE FROM delivery_attempts WHERE id IN (
      SELECT id FROM delivery_attempts WHERE started_at < ${cutoff} LIMIT ${batch})`;
  const deliveries = await db().$executeRaw`
    DELETE FROM deliveries WHERE id IN (
      SELECT id FROM deliveries
       WHERE created_at < ${cutoff} AND status IN ('DELIVERED', 'FAILED', 'SKIPPED')
       LIMIT ${batch})`;
  const traces = await db().$executeRaw`
    DELETE FROM event_traces WHERE (event_id, webhook_id) IN (
      SELECT event_id, webhook_id FROM event_traces WHERE created_at < ${cutoff} LIMIT ${batch})`;
  return { attempts, deliveries, traces, more: attempts === batch || deliveries === batch || traces === batch };
}

/** Prune for at most `budgetMs`; reports whether anything is left for the next call. */
export async function pruneDeliveries(now = new Date(), budgetMs = 20_000, batch = 2_000) {
  const started = Date.now();
  const total = { attempts: 0, deliveries: 0, traces: 0, more: false };
  do {
    const r = await pruneBatch(now, batch);
    total.attempts += r.attempts;
    total.deliveries += r.deliveries;
    total.traces += r.traces;
    total.more = r.more;
  } while (total.more && Date.now() - started < budgetMs);
  return total;
}
