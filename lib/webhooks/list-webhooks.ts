import { db } from "../db";
import { accessIssuesOf } from "./access-issues";
import { visibleAccessIssues, webhookViews } from "./webhook-view";

export async function listWebhooks(userId: string) {
  const rows = await db().webhook.findMany({ where: { createdById: userId }, orderBy: { createdAt: "desc" } });
  const issuesOf = await accessIssuesOf(
    db(),
    rows.map((w) => w.id),
  );
  const views = await webhookViews(db(), rows);
  return rows.map((w, i) => ({ ...views[i], accessIssues: visibleAccessIssues(w, issuesOf(w.id)) }));
}
