import { db } from "../db";
import { ownWebhook } from "./webhook-access";
import { toWebhookView } from "./webhook-view";

/** Resume deliveries with a clean failure count. */
export async function enableWebhook(userId: string, id: string) {
  return db().$transaction(async (tx) => {
    const webhook = await ownWebhook(tx, userId, id);
    const updated = await tx.webhook.update({
      where: { id: webhook.id },
      data: { enabled: true, status: "HEALTHY", consecutiveFailures: 0, disabledAt: null, disabledReason: null },
    });
    return toWebhookView(updated);
  });
}
