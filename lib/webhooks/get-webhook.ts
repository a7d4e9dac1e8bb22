import { db } from "../db";
import { ownWebhook } from "./webhook-access";
import { toWebhookView } from "./webhook-view";

export async function getWebhook(userId: string, id: string) {
  return db().$transaction(async (tx) => toWebhookView(await ownWebhook(tx, userId, id)));
}
