import type { Webhook } from "../generated/prisma/client";
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
