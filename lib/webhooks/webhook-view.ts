import { type ConditionReference, conditionReferencesOf } from "../conditions/reference-names";
import type { Db, Tx } from "../db";
import type { Webhook, WebhookAccessIssue } from "../generated/prisma/client";
import type { Conditions } from "../validations/webhook-conditions";
import { disablePolicyOf, healthState } from "../webhook-health";

type Row = Omit<Webhook, "secretEncrypted" | "previousSecretEncrypted">;

/** The API's view of a webhook (secrets never included; see webhookResponse). */
function toWebhookView(w: Row, conditionReferences: ConditionReference[], now = new Date()) {
  return {
    ...w,
    state: healthState(w),
    disablePolicy: disablePolicyOf(w),
    conditions: w.conditions as Conditions,
    conditionReferences,
    secretRotationEndsAt:
      w.previousSecretExpiresAt && w.previousSecretExpiresAt > now ? w.previousSecretExpiresAt : null,
  };
}

/** The views of webhooks, their conditions' references read together. */
export async function webhookViews(tx: Tx | Db, rows: Row[]) {
  const referencesOf = await conditionReferencesOf(tx, rows);
  return rows.map((w) => toWebhookView(w, referencesOf(w.id)));
}

export async function webhookView(tx: Tx | Db, row: Row) {
  return (await webhookViews(tx, [row]))[0];
}

/** The access issues the API shows: those of projects the webhook still names. */
export function visibleAccessIssues(w: Pick<Row, "allProjects" | "projectIds">, issues: WebhookAccessIssue[]) {
  if (w.allProjects) return [];
  return issues.filter((issue) => w.projectIds.includes(issue.projectId));
}
