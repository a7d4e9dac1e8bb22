import { ApiError } from "../api/errors";
import { db } from "../db";
import { loadWebhookWithSecrets, sendOneOff } from "../delivery-engine/send-one-off";
import { HEALTH_CHECK_EVENT } from "../events/catalog";
import { markEnabled } from "../webhook-health";
import { ownWebhook } from "./webhook-access";
import { webhookView } from "./webhook-view";

/**
 * Turn deliveries back on — after a WEBHOOK_HEALTH_CHECK reaches the receiver. If the check
 * fails, the webhook stays disabled and the caller sees what the receiver answered.
 */
export async function enableWebhook(userId: string, id: string) {
  const owned = await db().$transaction((tx) => ownWebhook(tx, userId, id));
  if (owned.enabled) return webhookView(db(), owned);
  const check = await sendOneOff(await loadWebhookWithSecrets(owned.id), {
    eventType: HEALTH_CHECK_EVENT,
    kind: "health_check",
    previousValue: null,
    currentValue: null,
  });
  if (!check.ok) {
    throw new ApiError(
      "health_check_failed",
      `The webhook stays disabled: the health check to ${owned.url} failed (${check.errorMessage ?? "no answer"})`,
    );
  }
  await markEnabled(owned.id);
  return webhookView(db(), await db().webhook.findUniqueOrThrow({ where: { id: owned.id } }));
}
