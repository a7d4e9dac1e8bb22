import { randomUUID } from "node:crypto";
import { ApiError } from "../api/errors";
import { db } from "../db";
import { startChains } from "../delivery-engine/redeliver";
import { ownWebhook } from "./webhook-access";

const MAX_REPLAY = 10_000;

/**
 * Send again every skipped (and, if asked, failed) delivery of a webhook in a time range, as a
 * replay job whose progress can be followed and which can be cancelled. The job and the new
 * chains commit together; the deliveries go through the webhook's lane, within its width and
 * rate, so a replay never floods the receiver nor delays other webhooks.
 */
export async function replayDeliveries(
  userId: string,
  id: string,
  input: { since: Date; until?: Date; statuses: ("SKIPPED" | "FAILED")[] },
) {
  const webhook = await db().$transaction((tx) => ownWebhook(tx, userId, id));
  if (!webhook.enabled) throw new ApiError("conflict", "Enable the webhook before replaying deliveries to it");
  const jobId = randomUUID();
  await startChains(
    { webhookId: webhook.id, ...input, limit: MAX_REPLAY, replayJobId: jobId },
    "replay",
    async (client, ids) => {
      await client.query(
        `INSERT INTO replay_jobs (id, webhook_id, user_id, since, until, statuses, total, created_at)
         VALUES ($1, $2, $3, $4::timestamptz AT TIME ZONE 'UTC', $5::timestamptz AT TIME ZONE 'UTC', $6::text[], $7,
                 now() AT TIME ZONE 'UTC')`,
        [
          jobId,
          webhook.id,
          userId,
          input.since.toISOString(),
          input.until?.toISOString() ?? null,
          input.statuses,
          ids.length,
        ],
      );
    },
  ).then(async (ids) => {
    // Nothing to replay: the job is still made, so the caller can show "0 of 0".
    if (ids.length === 0) {
      await db().replayJob.create({
        data: {
          id: jobId,
          webhookId: webhook.id,
          userId,
          since: input.since,
          until: input.until,
          statuses: input.statuses,
          total: 0,
        },
      });
    }
  });
  return replayProgress(userId, jobId);
}

export async function replayProgress(userId: string, jobId: string) {
  const job = await db().replayJob.findFirst({ where: { id: jobId, userId } });
  if (!job) throw ApiError.notFound("Replay");
  const counts = await db().delivery.groupBy({ by: ["status"], where: { replayJobId: job.id }, _count: true });
  const count = (s: string) => counts.find((c) => c.status === s)?._count ?? 0;
  const delivered = count("DELIVERED");
  const failed = count("FAILED") + count("SKIPPED");
  const pending = count("RETRYING") + count("PENDING");
  return {
    id: job.id,
    webhookId: job.webhookId,
    total: job.total,
    delivered,
    failed,
    pending,
    state: job.cancelledAt ? ("cancelled" as const) : pending > 0 ? ("running" as const) : ("finished" as const),
    createdAt: job.createdAt,
  };
}

/** Stop a replay: deliveries not yet delivered go back to skipped (and can be replayed again). */
export async function cancelReplay(userId: string, jobId: string) {
  const job = await db().replayJob.findFirst({ where: { id: jobId, userId } });
  if (!job) throw ApiError.notFound("Replay");
  await db().$transaction([
    db().replayJob.update({ where: { id: job.id }, data: { cancelledAt: job.cancelledAt ?? new Date() } }),
    db().delivery.updateMany({
      where: { replayJobId: job.id, status: { in: ["RETRYING", "PENDING"] } },
      data: { status: "SKIPPED", nextAttemptAt: null, lastError: "Replay cancelled" },
    }),
  ]);
  return replayProgress(userId, job.id);
}
