import { db } from "../db";
import { disableWebhookNow } from "../webhook-health";
import { ownWebhook } from "./webhook-access";
import { webhookView } from "./webhook-view";

/** Stop deliveries (only the creator may; Blue lets anyone, we do not). */
export async function disableWebhook(userId: string, id: string) {
  const owned = await db().$transaction((tx) => ownWebhook(tx, userId, id));
  await disableWebhookNow(owned.id, "Turned off by its creator", "creator");
  return webhookView(db(), await db().webhook.findUniqueOrThrow({ where: { id: owned.id } }));
}
