// One attempt of a delivery: sign the stored body for now and send it. Nothing is written here;
// record-attempts.ts stores what happened and decide.ts says what it means.
import { deliveryTimeoutMs, USER_AGENT } from "./config";
import { type AttemptOutcome, sendRequest } from "./send-request";
import { signedHeaders } from "./signature";

/** tests and health checks are sent outside the event flow and never touch a webhook's health. */
export type DeliveryKind = "event" | "test" | "health_check";
export type AttemptTrigger = "auto" | "retry" | "manual" | "replay" | "test" | "health_check";

export type DeliveryToSend = {
  id: string;
  webhookId: string;
  messageId: string;
  body: string;
  eventType: string;
  url: string;
  kind: DeliveryKind;
  /** The attempt number that ends the delivery's current chain. */
  chainLast: number;
};

export type AttemptRecord = {
  delivery: DeliveryToSend;
  number: number;
  trigger: AttemptTrigger;
  startedAt: Date;
  headers: Record<string, string>;
  outcome: AttemptOutcome;
};

/** When the attempt ended (its answer, error or timeout). */
export const attemptEndedAt = (record: AttemptRecord) => record.startedAt.getTime() + record.outcome.latencyMs;

export async function performAttempt(
  delivery: DeliveryToSend,
  secrets: string[],
  number: number,
  trigger: AttemptTrigger,
): Promise<AttemptRecord> {
  const startedAt = new Date();
  const headers = signedHeaders({
    secrets,
    messageId: delivery.messageId,
    timestamp: Math.floor(startedAt.getTime() / 1000),
    body: delivery.body,
    userAgent: USER_AGENT,
    eventType: delivery.eventType,
  });
  const outcome = await sendRequest({
    url: delivery.url,
    headers,
    body: delivery.body,
    timeoutMs: deliveryTimeoutMs(),
  });
  return { delivery, number, trigger, startedAt, headers: { ...headers }, outcome };
}
