import { ApiError } from "../api/errors";
import { db } from "../db";
import type { Prisma } from "../generated/prisma/client";
import type { DeliveryListQuery } from "../validations/delivery";
import { ownWebhook } from "../webhooks/webhook-access";
import { decodeCursor, encodeCursor } from "./delivery-cursor";

/** A page of a webhook's deliveries, newest first, filtered; keyset-paginated. */
export async function listDeliveries(userId: string, webhookId: string, q: DeliveryListQuery) {
  if (q.since && q.until && q.since > q.until) throw ApiError.field("until", "must not be before since");
  const webhook = await db().$transaction((tx) => ownWebhook(tx, userId, webhookId));
  const cursor = q.cursor ? decodeCursor(q.cursor) : null;
  const where: Prisma.DeliveryWhereInput = {
    webhookId: webhook.id,
    ...(q.status?.length ? { status: { in: q.status as never } } : {}),
    ...(q.eventType?.length ? { eventType: { in: q.eventType } } : {}),
    ...(q.projectId ? { projectId: q.projectId } : {}),
    ...(q.since || q.until
      ? { createdAt: { ...(q.since ? { gte: q.since } : {}), ...(q.until ? { lte: q.until } : {}) } }
      : {}),
    ...(cursor
      ? { OR: [{ createdAt: { lt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { lt: cursor.id } }] }
      : {}),
  };
  const rows = await db().delivery.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: q.limit + 1,
    omit: { body: true },
  });
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return { data: page, nextCursor: rows.length > q.limit && last ? encodeCursor(last) : null };
}
