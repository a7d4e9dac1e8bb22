// A fresh chain of attempts for deliveries that ended (redeliver one, or replay many): the same
// body and webhook-id, attempts numbered after the ones they had. The deliveries go back into
// their webhook's lane in the same transaction that schedules the lane, so nothing is handed to
// Inngest that could be lost: the lane's wake-up is sent after the commit, and relayed if not.
import type { PoolClient } from "pg";
import { sqlTransaction } from "../db";
import { MAX_ATTEMPTS } from "./config";
import { type LaneWake, scheduleLanes, sendLaneWakes } from "./lanes";

/** Deliveries a new chain may start for: ended ones of enabled webhooks. */
export type ChainSelection =
  | { deliveryIds: string[] }
  | { webhookId: string; since: Date; until?: Date; statuses: string[]; limit: number; replayJobId: string };

/** Start new chains; returns the deliveries that got one. */
export async function startChains(
  selection: ChainSelection,
  trigger: "manual" | "replay",
  inTransaction?: (client: PoolClient, ids: string[]) => Promise<void>,
): Promise<string[]> {
  const now = Date.now();
  const { ids, wakes } = await sqlTransaction(async (client) => {
    const chosen =
      "deliveryIds" in selection
        ? await client.query<{ id: string }>(
            `SELECT id FROM deliveries WHERE id = ANY($1::text[]) AND kind = 'event'
                AND status IN ('DELIVERED', 'FAILED', 'SKIPPED') FOR UPDATE`,
            [selection.deliveryIds],
          )
        : await client.query<{ id: string }>(
            `SELECT id FROM deliveries
              WHERE webhook_id = $1 AND kind = 'event' AND status::text = ANY($2::text[])
                AND created_at >= $3::timestamptz AT TIME ZONE 'UTC'
                AND ($4::timestamptz IS NULL OR created_at <= $4::timestamptz AT TIME ZONE 'UTC')
              ORDER BY created_at, id LIMIT $5 FOR UPDATE`,
            [
              selection.webhookId,
              selection.statuses,
              selection.since.toISOString(),
              selection.until?.toISOString() ?? null,
              selection.limit,
            ],
          );
    const ids = chosen.rows.map((r) => r.id);
    if (ids.length === 0) return { ids, wakes: [] as LaneWake[] };
    const { rows } = await client.query<{ webhookId: string }>(
      `UPDATE deliveries
          SET status = 'PENDING', next_attempt_at = $2::timestamptz AT TIME ZONE 'UTC', lease_until = NULL,
              completed_at = NULL, chain_last = attempt_count + $3, chain_trigger = $4,
              replay_job_id = COALESCE($5, replay_job_id), updated_at = now() AT TIME ZONE 'UTC'
        WHERE id = ANY($1::text[])
        RETURNING webhook_id AS "webhookId"`,
      [
        ids,
        new Date(now).toISOString(),
        MAX_ATTEMPTS,
        trigger,
        "replayJobId" in selection ? selection.replayJobId : null,
      ],
    );
    await inTransaction?.(client, ids);
    const wakes = await scheduleLanes(
      client,
      rows.map((r) => ({ webhookId: r.webhookId, at: now })),
      now,
    );
    return { ids, wakes };
  });
  await sendLaneWakes(wakes);
  return ids;
}
