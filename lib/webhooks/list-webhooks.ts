import { db } from "../db";
import { accessIssuesOf } from "./access-issues";
import { toWebhookView, visibleAccessIssues } from "./webhook-view";

export async function listWebhooks(userId: string) {
  const rows = await db().webhook.findMany({ where: { createdById: userId }, orderBy: { createdAt: "desc" } });
  const issuesOf = await accessIssuesOf(
    db(),
    rows.map((w) => w.id),
  );
  return rows.map((w) => ({ ...toWebhookView(w), accessIssues: visibleAccessIssues(w, issuesOf(w.id)) }));
}
