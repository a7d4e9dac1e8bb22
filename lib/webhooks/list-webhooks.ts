import { db } from "../db";
import { toWebhookView } from "./webhook-view";

export async function listWebhooks(userId: string) {
  const rows = await db().webhook.findMany({ where: { createdById: userId }, orderBy: { createdAt: "desc" } });
  return rows.map((w) => toWebhookView(w));
}
