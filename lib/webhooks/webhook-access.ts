import { ApiError } from "../api/errors";
import type { Tx } from "../db";

/** Only the creator may see or touch a webhook; to anyone else it does not exist (404). */
export async function ownWebhook(tx: Tx, userId: string, idOrUid: string) {
  const webhook = await tx.webhook.findFirst({
    where: { OR: [{ id: idOrUid }, { uid: idOrUid }], createdById: userId },
  });
  if (!webhook) throw ApiError.notFound("Webhook");
  return webhook;
}
