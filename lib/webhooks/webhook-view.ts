import type { Webhook, WebhookAccessIssue } from "../generated/prisma/client";
import { disablePolicyOf, healthState } from "../webhook-health";

type Row = Omit<Webhook, "secretEncrypted" | "previousSecretEncrypted">;

/** The API's view of a webhook (secrets never included; see webhookResponse). */
export function toWebhookView(w: Row, now = new Date()) {
  return {
    ...w,
    state: healthState(w),
    disablePolicy: disablePolicyOf(w),
    secretRotationEndsAt:
      w.previousSecretExpiresAt && w.previousSecretExpiresAt > now ? w.previousSecretExpiresAt : null,
  };
}

/** The access issues the API shows: those of projects the webhook still names. */
export function visibleAccessIssues(w: Pick<Row, "allProjects" | "projectIds">, issues: WebhookAccessIssue[]) {
  if (w.allProjects) return [];
  return issues.filter((issue) => w.projectIds.includes(issue.projectId));
}
