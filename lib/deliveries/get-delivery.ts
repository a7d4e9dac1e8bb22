import { ApiError } from "../api/errors";
import { db } from "../db";

/** One delivery with every attempt, for its webhook's creator only. */
export async function getDelivery(userId: string, id: string) {
  const delivery = await db().delivery.findFirst({
    where: { id, webhook: { createdById: userId } },
    include: { attempts: { orderBy: { number: "asc" } } },
  });
  if (!delivery) throw ApiError.notFound("Delivery");
  return {
    ...delivery,
    attempts: delivery.attempts.map((a) => ({
      ...a,
      requestHeaders: a.requestHeaders as Record<string, string>,
      responseHeaders: a.responseHeaders as Record<string, string> | null,
    })),
  };
}
