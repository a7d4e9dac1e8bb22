import { ApiError } from "../api/errors";
import { evaluateStoredEvents } from "../conditions/evaluate-stored-events";
import { db } from "../db";
import { unselected } from "../delivery-engine/match-webhooks";
import { loadWebhookWithSecrets, sendOneOff } from "../delivery-engine/send-one-off";
import type { EventType } from "../events/catalog";
import { samplePayload } from "../events/samples";
import type { Webhook } from "../generated/prisma/client";
import type { TestEventInput } from "../validations/webhook";
import type { Conditions } from "../validations/webhook-conditions";
import { MAX_PREVIEW_DAYS } from "../validations/webhook-preview";
import { ownWebhook } from "./webhook-access";

const DAY_MS = 86_400_000;

/**
 * A stored event of the last MAX_PREVIEW_DAYS days that the webhook would send: of a project its
 * creator is in, of a type and project it selects, and meeting its conditions. An event the
 * creator cannot see is refused like one that does not exist.
 */
async function recentEventToSend(webhook: Webhook, eventId: string) {
  const memberships = await db().projectMember.findMany({
    where: { userId: webhook.createdById },
    select: { projectId: true },
  });
  const event = await db().event.findFirst({
    where: {
      id: eventId,
      occurredAt: { gte: new Date(Date.now() - MAX_PREVIEW_DAYS * DAY_MS) },
      projectIds: { hasSome: memberships.map((m) => m.projectId) },
    },
  });
  if (!event)
    throw ApiError.field("eventId", `is not an event of your projects from the last ${MAX_PREVIEW_DAYS} days`);
  if (unselected(webhook, event.type, event.projectIds))
    throw ApiError.field("eventId", "is an event of a type or project this webhook does not select");
  const [evaluation] = await evaluateStoredEvents(webhook.conditions as Conditions, [event]);
  if (!evaluation.matched)
    throw ApiError.field(
      "eventId",
      `is an event this webhook's conditions leave out (${evaluation.failedRule?.path} does not hold)`,
    );
  return { eventType: event.type, previousValue: event.previousValue, currentValue: event.currentValue };
}

/**
 * Send a test, signed, and return what the receiver said: the catalog's sample payload of an event
 * type, or the real payload of a recent event the webhook would send. Either is marked as a test
 * in the delivery log.
 */
export async function sendTestEvent(userId: string, id: string, input: TestEventInput) {
  const owned = await db().$transaction((tx) => ownWebhook(tx, userId, id));
  // The schema lets exactly one of eventId and eventType through.
  const event =
    input.eventId !== undefined
      ? await recentEventToSend(owned, input.eventId)
      : { eventType: input.eventType as EventType, ...samplePayload(input.eventType as EventType) };
  return sendOneOff(await loadWebhookWithSecrets(owned.id), { kind: "test", ...event });
}
