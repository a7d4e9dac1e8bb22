import { db } from "../db";
import type { UpdateWebhookInput } from "../validations/webhook";
import { assertDeliverableUrl } from "./url-guard";
import { ownWebhook } from "./webhook-access";
import { requireMembership, resolveSelection } from "./webhook-selection";
import { toWebhookView } from "./webhook-view";

/** Change a webhook; events or projectIds, when sent, replace the whole list. */
export async function updateWebhook(userId: string, id: string, input: UpdateWebhookInput) {
  if (input.url !== undefined) await assertDeliverableUrl(input.url);
  return db().$transaction(async (tx) => {
    const current = await ownWebhook(tx, userId, id);
    const selection = resolveSelection(current, input);
    if (input.projectIds !== undefined || input.allProjects !== undefined) {
      await requireMembership(tx, userId, selection.projectIds);
    }
    const updated = await tx.webhook.update({
      where: { id: current.id },
      data: { name: input.name, url: input.url, description: input.description, enabled: input.enabled, ...selection },
    });
    return toWebhookView(updated);
  });
}
