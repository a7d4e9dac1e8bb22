import { db } from "../db";
import { webhookHealth } from "../webhook-health";
import { ownWebhook } from "./webhook-access";
import { toWebhookView } from "./webhook-view";

export async function getWebhook(userId: string, id: string) {
  return db().$transaction(async (tx) => toWebhookView(await ownWebhook(tx, userId, id)));
}

/** A webhook with its health (GET /webhooks/{id}). */
export async function getWebhookWithHealth(userId: string, id: string) {
  const webhook = await db().$transaction((tx) => ownWebhook(tx, userId, id));
  return { ...toWebhookView(webhook), health: await webhookHealth(webhook) };
}
