import { db } from "../db";
import { loadWebhookWithSecrets, sendOneOff } from "../delivery-engine/send-one-off";
import type { EventType } from "../events/catalog";
import { samplePayload } from "../events/samples";
import { ownWebhook } from "./webhook-access";

/** Send the catalog's sample payload of an event type, signed, and return what the receiver said. */
export async function sendTestEvent(userId: string, id: string, eventType: EventType) {
  const owned = await db().$transaction((tx) => ownWebhook(tx, userId, id));
  const sample = samplePayload(eventType);
  return sendOneOff(await loadWebhookWithSecrets(owned.id), { eventType, kind: "test", ...sample });
}
