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

type EventPart = { id: string; timestamp: Date; event: string; previousValue: unknown; currentValue: unknown };

/**
 * The body for each webhook of one event. The event's part is serialised once; only the webhook
 * summary differs per delivery. The bytes equal JSON.stringify of the whole payload.
 */
export function bodyBuilder(part: EventPart): (webhook: WebhookSummary) => string {
  const head = `{"id":${JSON.stringify(part.id)},"timestamp":${JSON.stringify(part.timestamp.toISOString())},"event":${JSON.stringify(part.event)},"webhook":`;
  const tail = `,"previousValue":${JSON.stringify(part.previousValue ?? null)},"currentValue":${JSON.stringify(part.currentValue ?? null)}}`;
  return (webhook) =>
    head +
    JSON.stringify({
      id: webhook.id,
      uid: webhook.uid,
      name: webhook.name,
      url: webhook.url,
      status: webhook.status,
      enabled: webhook.enabled,
      events: webhook.events,
      projectIds: webhook.projectIds,
    }) +
    tail;
}

export function deliveryBody(opts: EventPart & { webhook: WebhookSummary }): string {
  return bodyBuilder(opts)(opts.webhook);
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
