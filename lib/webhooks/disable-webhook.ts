import { db } from "../db";
import { ownWebhook } from "./webhook-access";
import { toWebhookView } from "./webhook-view";

/** Stop deliveries (only the creator may; Blue lets anyone, we do not). */
export async function disableWebhook(userId: string, id: string) {
  return db().$transaction(async (tx) => {
    const webhook = await ownWebhook(tx, userId, id);
    const updated = await tx.webhook.update({
      where: { id: webhook.id },
      data: { enabled: false, disabledAt: new Date(), disabledReason: "Disabled by its creator" },
    });
    return toWebhookView(updated);
  });
}
