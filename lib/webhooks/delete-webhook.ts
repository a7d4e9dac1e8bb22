import { db } from "../db";
import { ownWebhook } from "./webhook-access";

export async function deleteWebhook(userId: string, id: string) {
  await db().$transaction(async (tx) => {
    const webhook = await ownWebhook(tx, userId, id);
    await tx.webhook.delete({ where: { id: webhook.id } });
  });
}
