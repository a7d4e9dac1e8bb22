// The bytes a delivery sends: Blue's payload { event, webhook, previousValue, currentValue } plus
// id and timestamp. Built once per delivery and stored, so every attempt signs the same bytes.
import crypto from "node:crypto";

export type WebhookSummary = {
  id: string;
  uid: string;
  name: string;
  url: string;
  status: string;
  enabled: boolean;
  events: string[];
  projectIds: string[];
};

export function deliveryBody(opts: {
  id: string;
  timestamp: Date;
  event: string;
  webhook: WebhookSummary;
  previousValue: unknown;
  currentValue: unknown;
}): string {
  const { id, timestamp, event, webhook, previousValue, currentValue } = opts;
  return JSON.stringify({
    id,
    timestamp: timestamp.toISOString(),
    event,
    webhook: {
      id: webhook.id,
      uid: webhook.uid,
      name: webhook.name,
      url: webhook.url,
      status: webhook.status,
      enabled: webhook.enabled,
      events: webhook.events,
      projectIds: webhook.projectIds,
    },
    previousValue: previousValue ?? null,
    currentValue: currentValue ?? null,
  });
}

/** The webhook-id of an event's delivery to a webhook: the same for every attempt and re-run. */
export function eventMessageId(eventId: string, webhookId: string): string {
  return `msg_${crypto.createHash("sha256").update(`${eventId}:${webhookId}`).digest("base64url").slice(0, 27)}`;
}

export function randomMessageId(): string {
  return `msg_${crypto.randomBytes(20).toString("base64url")}`;
}

type TodoRef = { id?: string; title?: string };

/** The record an event is about, for the delivery log (the todo, or the todo of a checklist/comment). */
export function todoOf(value: unknown): { id: string | null; title: string | null } {
  const v = value as (TodoRef & { todoList?: unknown; todo?: TodoRef; checklist?: { todo?: TodoRef } }) | null;
  const todo = !v ? undefined : v.todoList ? v : (v.todo ?? v.checklist?.todo);
  return { id: todo?.id ?? null, title: todo?.title ?? null };
}
