import { assertConditionReferences } from "../conditions/check-references";
import { db } from "../db";
import { Prisma } from "../generated/prisma/client";
import type { UpdateWebhookInput } from "../validations/webhook";
import type { Conditions } from "../validations/webhook-conditions";
import { disableWebhook } from "./disable-webhook";
import { enableWebhook } from "./enable-webhook";
import { assertDeliverableUrl } from "./url-guard";
import { ownWebhook } from "./webhook-access";
import { requireMembership, resolveSelection } from "./webhook-selection";
import { webhookView } from "./webhook-view";

/**
 * Change a webhook; events or projectIds, when sent, replace the whole list. `enabled` goes
 * through the one way to enable (with its health check) or disable, after the other changes, so
 * that a new URL is the one checked.
 */
export async function updateWebhook(userId: string, id: string, input: UpdateWebhookInput) {
  const { enabled, ...changes } = input;
  if (changes.url !== undefined) await assertDeliverableUrl(changes.url);
  const updated = await db().$transaction(async (tx) => {
    const current = await ownWebhook(tx, userId, id);
    const selection = resolveSelection(current, changes);
    if (changes.projectIds !== undefined || changes.allProjects !== undefined) {
      await requireMembership(tx, userId, selection.projectIds);
    }
    if (changes.conditions) await assertConditionReferences(tx, userId, selection, changes.conditions);
    else if (changes.conditions === undefined && projectsChanged(current, selection))
      await assertConditionReferences(tx, userId, selection, current.conditions as Conditions, { saved: true });
    const row = await tx.webhook.update({
      where: { id: current.id },
      data: {
        name: changes.name,
        url: changes.url,
        description: changes.description,
        maxConcurrency: changes.maxConcurrency,
        maxPerSecond: changes.maxPerSecond,
        orderedDelivery: changes.orderedDelivery,
        disablePolicy: changes.disablePolicy === null ? Prisma.DbNull : changes.disablePolicy,
        conditions:
          changes.conditions === null ? Prisma.DbNull : (changes.conditions as Prisma.InputJsonValue | undefined),
        ...selection,
      },
    });
    return { row, view: await webhookView(tx, row) };
  });
  if (enabled === true && !updated.row.enabled) return enableWebhook(userId, id);
  if (enabled === false && updated.row.enabled) return disableWebhook(userId, id);
  return updated.view;
}

/** Did the change narrow or move the projects that conditions may refer to? */
function projectsChanged(
  before: { allProjects: boolean; projectIds: string[] },
  after: { allProjects: boolean; projectIds: string[] },
) {
  if (after.allProjects) return false;
  return (
    before.allProjects ||
    after.projectIds.some((id) => !before.projectIds.includes(id)) ||
    before.projectIds.some((id) => !after.projectIds.includes(id))
  );
}
