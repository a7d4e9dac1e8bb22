// Disabling a failing webhook: status, reason, an in-app notice and an e-mail to its creator.
import { db } from "../db";
import { logger } from "../logger";
import { sendEmail } from "../notify/send-email";

export async function disableWebhook(webhookId: string, reason: string) {
  const webhook = await db().$transaction(async (tx) => {
    const { count } = await tx.webhook.updateMany({
      where: { id: webhookId, enabled: true },
      data: { enabled: false, status: "UNHEALTHY", disabledAt: new Date(), disabledReason: reason },
    });
    if (count === 0) return null;
    const w = await tx.webhook.findUniqueOrThrow({ where: { id: webhookId }, include: { createdBy: true } });
    await tx.notice.create({
      data: {
        userId: w.createdById,
        webhookId,
        kind: "webhook_disabled",
        title: `Webhook “${w.name}” was disabled`,
        body: `${reason}. Fix the receiver at ${w.url}, then enable the webhook again: we first send a WEBHOOK_HEALTH_CHECK, and missed events can be replayed.`,
      },
    });
    return w;
  });
  if (!webhook) return false;
  logger.warn({ webhookId, reason }, "webhook disabled");
  await sendEmail({
    to: webhook.createdBy.email,
    subject: `Your webhook “${webhook.name}” was disabled`,
    text: `Hello ${webhook.createdBy.name},\n\nWe stopped sending events to ${webhook.url}.\nReason: ${reason}.\n\nOnce the receiver works again, enable the webhook in Settings → Webhooks. We first send a WEBHOOK_HEALTH_CHECK; events that happened meanwhile are kept and can be replayed.\n\n— Blue Webhooks`,
  }).catch((error) => logger.error({ err: error, webhookId }, "could not send the webhook-disabled e-mail"));
  return true;
}
