import { ApiError } from "../api/errors";
import { db } from "../db";
import { startAttemptChains } from "../delivery/redeliver";
import { ownWebhook } from "./webhook-access";

const MAX_REPLAY = 10_000;

/**
 * Send again every skipped (and, if asked, failed) delivery of a webhook in a time range, as a
 * replay job whose progress can be followed and which can be cancelled. The attempts go through
 * the retry function, one at a time per webhook, so a replay never floods the receiver.
 */
export async function replayDeliveries(
  userId: string,
  id: string,
  input: { since: Date; until?: Date; statuses: ("SKIPPED" | "FAILED")[] },
) {
  const webhook = await db().$transaction((tx) => ownWebhook(tx, userId, id));
  if (!webhook.enabled) throw new ApiError("conflict", "Enable the webhook before replaying deliveries to it");
  const deliveries = await db().delivery.findMany({
    where: {
      webhookId: webhook.id,
      kind: "event",
      status: { in: input.statuses },
      createdAt: { gte: input.since, ...(input.until ? { lte: input.until } : {}) },
    },
    select: { id: true, webhookId: true, attemptCount: true },
    orderBy: { createdAt: "asc" },
    take: MAX_REPLAY,
  });
  const job = await db().replayJob.create({
    data: {
      webhookId: webhook.id,
      userId,
      since: input.since,
      until: input.until,
      statuses: input.statuses,
      total: deliveries.length,
    },
  });
  await db().delivery.updateMany({ where: { id: { in: deliveries.map((d) => d.id) } }, data: { replayJobId: job.id } });
  await startAttemptChains(deliveries);
  return replayProgress(userId, job.id);
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
