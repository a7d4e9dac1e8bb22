// What membership changes do to webhooks that name projects explicitly. Matching re-checks the
// creator's membership at send time (deliveries are traced ACCESS_REVOKED), so nothing here
// stops or starts a delivery: this records which named project the creator lost and since when,
// tells the creator (a notice and an e-mail, in the transaction of the change), and clears the
// record when access comes back. "All my projects" webhooks follow membership by themselves.
import { translatorFor } from "../../i18n/translator";
import type { Db, Tx } from "../db";
import type { AccessIssueReason } from "../generated/prisma/client";
import { queueEmailInTx } from "../notify/email-outbox";

type Project = { id: string; name: string };

const WHY: Record<AccessIssueReason, { kind: string; title: (p: string) => string; body: (p: string) => string }> = {
  ACCESS_REVOKED: {
    kind: "webhook_access_revoked",
    title: (p) => `No more access to “${p}”`,
    body: (p) =>
      `You are no longer a member of “${p}”, so its events are not sent to this webhook (they are traced ACCESS_REVOKED). Delivery resumes by itself if you are added back; the webhook's other projects are not affected.`,
  },
  PROJECT_DELETED: {
    kind: "webhook_project_deleted",
    title: (p) => `“${p}” was deleted`,
    body: (p) =>
      `The project “${p}” was deleted, so this webhook gets nothing more from it. Its other projects are not affected; edit the webhook to drop the project from its list.`,
  },
};

/**
 * The webhooks that name one of these projects, created by `userId` (access lost) or by anyone
 * (the project deleted), get an access issue for each such project, and their creators a notice
 * and an e-mail per webhook. Returns the e-mails queued, to send after the commit.
 */
export async function recordAccessIssues(
  tx: Tx,
  projects: Project[],
  reason: AccessIssueReason,
  creatorId?: string,
): Promise<string[]> {
  if (projects.length === 0) return [];
  const webhooks = await tx.webhook.findMany({
    where: {
      allProjects: false,
      projectIds: { hasSome: projects.map((p) => p.id) },
      ...(creatorId ? { createdById: creatorId } : {}),
    },
    select: {
      id: true,
      name: true,
      projectIds: true,
      createdBy: { select: { id: true, name: true, email: true, locale: true } },
    },
    orderBy: { id: "asc" },
  });
  const since = new Date();
  const why = WHY[reason];
  const emails: string[] = [];
  for (const webhook of webhooks) {
    const lost = projects.filter((p) => webhook.projectIds.includes(p.id));
    for (const project of lost) {
      await tx.webhookAccessIssue.upsert({
        where: { webhookId_projectId: { webhookId: webhook.id, projectId: project.id } },
        create: { webhookId: webhook.id, projectId: project.id, projectName: project.name, reason, since },
        // A deleted project outranks lost access; lost access keeps its first date.
        update: reason === "PROJECT_DELETED" ? { reason, since, projectName: project.name } : {},
      });
    }
    const names = lost.map((p) => p.name).join("”, “");
    const projectList = lost.map((p) => p.name).join(", ");
    const title = `Webhook “${webhook.name}”: ${why.title(names)}`;
    await tx.notice.create({
      data: {
        userId: webhook.createdBy.id,
        webhookId: webhook.id,
        kind: why.kind,
        title,
        body: why.body(names),
        params: { name: projectList, webhook: webhook.name },
      },
    });
    const t = translatorFor(webhook.createdBy.locale, `emails.accessLost.${reason}`);
    const values = { userName: webhook.createdBy.name, webhook: webhook.name, project: projectList };
    emails.push(
      await queueEmailInTx(tx, { to: webhook.createdBy.email, subject: t("subject", values), text: t("text", values) }),
    );
  }
  return emails;
}

/** The creator is a member again: their webhooks' ACCESS_REVOKED issues for these projects end. */
export async function clearAccessIssues(tx: Tx, creatorId: string, projectIds: string[]) {
  if (projectIds.length === 0) return;
  await tx.webhookAccessIssue.deleteMany({
    where: { projectId: { in: projectIds }, reason: "ACCESS_REVOKED", webhook: { createdById: creatorId } },
  });
}

/** A webhook's access issues, oldest first, as the API shows them. */
export async function accessIssuesOf(tx: Tx | Db, webhookIds: string[]) {
  const rows = await tx.webhookAccessIssue.findMany({
    where: { webhookId: { in: webhookIds } },
    orderBy: [{ since: "asc" }, { projectId: "asc" }],
  });
  const byWebhook = new Map<string, typeof rows>();
  for (const row of rows) byWebhook.set(row.webhookId, [...(byWebhook.get(row.webhookId) ?? []), row]);
  return (webhookId: string) => byWebhook.get(webhookId) ?? [];
}
