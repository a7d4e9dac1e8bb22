import { ApiError } from "../api/errors";
import { db } from "../db";
import { startAttemptChains } from "../delivery/redeliver";
import { ownWebhook } from "./webhook-access";

const MAX_REPLAY = 10_000;

/** Send again every skipped (and, if asked, failed) delivery of a webhook in a time range. */
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
  return { replayed: await startAttemptChains(deliveries) };
}
