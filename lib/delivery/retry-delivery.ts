// Attempt N of a delivery that failed before. Idempotent per attempt number: a re-run after a
// crash does not send attempt N twice once it is recorded.
import { db } from "../db";
import { type AttemptTrigger, performAttempt, recordAttempts } from "./attempt";
import { signingSecrets } from "./signing-secrets";

/** exhausted: this was the last attempt and it failed (not a 410, which disables at once). */
export type RetryResult = { done: boolean; status: string; retryAfterMs: number | null; exhausted?: boolean };

export async function retryDelivery(
  deliveryId: string,
  number: number,
  last: number,
  trigger: AttemptTrigger = "retry",
): Promise<RetryResult> {
  const delivery = await db().delivery.findUnique({
    where: { id: deliveryId },
    include: {
      webhook: { omit: { secretEncrypted: false, previousSecretEncrypted: false } },
    },
  });
  if (!delivery) return { done: true, status: "MISSING", retryAfterMs: null };
  if (delivery.status === "DELIVERED" || delivery.status === "FAILED" || delivery.status === "SKIPPED") {
    return { done: true, status: delivery.status, retryAfterMs: null };
  }
  if (delivery.attemptCount >= number) return { done: false, status: delivery.status, retryAfterMs: null };
  if (!delivery.webhook.enabled) {
    await db().delivery.update({ where: { id: deliveryId }, data: { status: "SKIPPED", nextAttemptAt: null } });
    return { done: true, status: "SKIPPED", retryAfterMs: null };
  }
  const record = await performAttempt(
    { ...delivery, url: delivery.webhook.url },
    signingSecrets(delivery.webhook),
    number,
    trigger,
  );
  const [step] = await recordAttempts([record], { lastAttempt: last });
  return {
    done: !step.retry,
    status: step.status,
    retryAfterMs: step.retry ? (step.retryAfterMs ?? null) : null,
    exhausted: step.status === "FAILED" && !("gone" in step && step.gone),
  };
}
