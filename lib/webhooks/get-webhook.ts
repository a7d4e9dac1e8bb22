import { db } from "../db";
import { webhookHealth } from "../webhook-health";
import { accessIssuesOf } from "./access-issues";
import { ownWebhook } from "./webhook-access";
import { visibleAccessIssues, webhookView } from "./webhook-view";

export async function getWebhook(userId: string, id: string) {
  return db().$transaction(async (tx) => webhookView(tx, await ownWebhook(tx, userId, id)));
}

/** A webhook with its health and access issues (GET /webhooks/{id}). */
export async function getWebhookWithHealth(userId: string, id: string) {
  const { webhook, view, issues } = await db().$transaction(async (tx) => {
    const webhook = await ownWebhook(tx, userId, id);
    return {
      webhook,
      view: await webhookView(tx, webhook),
      issues: (await accessIssuesOf(tx, [webhook.id]))(webhook.id),
    };
  });
  return {
    ...view,
    health: await webhookHealth(webhook),
    accessIssues: visibleAccessIssues(webhook, issues),
  };
}
