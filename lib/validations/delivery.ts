// Delivery log schemas: list filters (from the query string), keyset cursor, responses.
import { z } from "zod";
import { EVENT_TYPES, HEALTH_CHECK_EVENT } from "../events/catalog";

export const DELIVERY_STATUSES = ["PENDING", "RETRYING", "DELIVERED", "FAILED", "SKIPPED"] as const;

const dateParam = z.iso
  .datetime({ offset: true, error: "must be an ISO 8601 date-time, e.g. 2026-06-01T00:00:00Z" })
  .transform((s) => new Date(s));

/** Repeated or comma-separated query values → one list, each value once. */
const list = <T extends z.ZodType>(item: T) =>
  z.preprocess(
    (v) =>
      v === undefined
        ? undefined
        : [...new Set((Array.isArray(v) ? v : [v]).flatMap((x) => String(x).split(",")).filter(Boolean))],
    z.array(item).optional(),
  );

export const deliveryListQuery = z.strictObject({
  status: list(z.enum(DELIVERY_STATUSES, { error: `must be one of ${DELIVERY_STATUSES.join(", ")}` })),
  eventType: list(z.enum([HEALTH_CHECK_EVENT, ...EVENT_TYPES], { error: "is not an event type" })),
  projectId: z.string().min(1).max(64).optional(),
  since: dateParam.optional(),
  until: dateParam.optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce
    .number({ error: "must be a number" })
    .int("must be a whole number")
    .min(1, "must be at least 1")
    .max(100, "must be at most 100")
    .default(25),
});
export type DeliveryListQuery = z.output<typeof deliveryListQuery>;

const iso = z.date().transform((d) => d.toISOString());

export const deliverySummary = z.object({
  id: z.string(),
  webhookId: z.string(),
  eventId: z.string().nullable(),
  eventType: z.string(),
  kind: z.string(),
  projectId: z.string().nullable(),
  todoId: z.string().nullable(),
  todoTitle: z.string().nullable(),
  messageId: z.string(),
  status: z.enum(DELIVERY_STATUSES),
  attemptCount: z.number(),
  lastStatusCode: z.number().nullable(),
  lastLatencyMs: z.number().nullable(),
  lastError: z.string().nullable(),
  nextAttemptAt: iso.nullable(),
  createdAt: iso,
  completedAt: iso.nullable(),
});

export const deliveryListResponse = z.object({
  data: z.array(deliverySummary),
  nextCursor: z.string().nullable().describe("Pass as ?cursor= for the next (older) page; null on the last page"),
});

export const deliveryDetailResponse = deliverySummary.extend({
  body: z.string().describe("The exact bytes sent (and signed) on every attempt"),
  waiting: z
    .object({
      reason: z.enum(["in_flight", "paused", "earlier_event", "scheduled", "queued"]),
      until: iso.nullable(),
      blockedBy: z.string().nullable().describe("The delivery of an earlier event of the same record"),
    })
    .nullable()
    .describe("Why a delivery that has not ended waits; null once it ended"),
  attempts: z.array(
    z.object({
      id: z.string(),
      number: z.number(),
      trigger: z.string(),
      startedAt: iso,
      ok: z.boolean(),
      latencyMs: z.number(),
      requestHeaders: z.record(z.string(), z.string()),
      responseStatus: z.number().nullable(),
      responseHeaders: z.record(z.string(), z.string()).nullable(),
      responseBody: z.string().nullable(),
      errorClass: z.string().nullable(),
      errorMessage: z.string().nullable(),
    }),
  ),
});

export const eventTraceResponse = z.object({
  event: z.object({ id: z.string(), type: z.string(), projectIds: z.array(z.string()), occurredAt: iso }),
  webhooks: z.array(
    z.object({
      webhookId: z.string(),
      name: z.string(),
      outcome: z.enum([
        "MATCHED",
        "EVENT_NOT_SELECTED",
        "PROJECT_NOT_SELECTED",
        "ACCESS_REVOKED",
        "DISABLED",
        "FILTERED",
        "PENDING",
        "NOT_CONSIDERED",
      ]),
      explanation: z.string(),
      recorded: z
        .boolean()
        .describe(
          "true: the outcome the event's fan-out recorded for this webhook (MATCHED, DISABLED, ACCESS_REVOKED, FILTERED). false: worked out now from the webhook's current selection (EVENT_NOT_SELECTED, PROJECT_NOT_SELECTED, NOT_CONSIDERED), or PENDING",
        ),
      failedRule: z
        .object({
          path: z.string().describe("The rule's place in the conditions, e.g. rules[1].rules[0]"),
          field: z.string(),
          operator: z.string(),
        })
        .nullable()
        .describe("FILTERED: the first rule of the webhook's conditions that did not hold; null otherwise"),
      deliveryId: z.string().nullable(),
      deliveryStatus: z.string().nullable(),
    }),
  ),
});

export const todoEventsResponse = z.object({
  data: z.array(
    z.object({
      id: z.string(),
      type: z.string(),
      occurredAt: z.string(),
      actor: z.object({ id: z.string(), name: z.string() }).nullable(),
    }),
  ),
});
