// Webhook schemas, shared by the settings form, the REST API and the OpenAPI document.
import { z } from "zod";
import { EVENT_TYPES, eventTypeSchema } from "../events/catalog";
import { idSchema } from "./common";
import { conditionReferenceResponse, conditionsDoc, conditionsSchema } from "./webhook-conditions";

export const MAX_WEBHOOKS_PER_USER = 100;
export const MAX_URL_LENGTH = 2000;

export const webhookUrlSchema = z
  .string({ error: "is required" })
  .trim()
  .min(1, "is required")
  .max(MAX_URL_LENGTH, `must be at most ${MAX_URL_LENGTH} characters`)
  .pipe(z.url({ protocol: /^https?$/, error: "must be an http:// or https:// URL" }))
  .refine((u) => {
    const url = URL.parse(u);
    return !url?.username && !url?.password;
  }, "must not contain a user name or password");

const eventsSchema = z
  .array(eventTypeSchema, { error: "must be a list of event types" })
  .max(EVENT_TYPES.length)
  .transform((types) => [...new Set(types)]);

const projectIdsSchema = z
  .array(idSchema, { error: "must be a list of project ids" })
  .max(500, "must list at most 500 projects")
  .transform((ids) => [...new Set(ids)]);

/** When failing deliveries disable the webhook; null or absent: Blue's rule (one exhausted delivery). */
export const disablePolicySchema = z.discriminatedUnion(
  "type",
  [
    z.strictObject({
      type: z.literal("exhausted"),
      count: z
        .number({ error: "must be a whole number" })
        .int("must be a whole number")
        .min(1, "must be at least 1")
        .max(100, "must be at most 100"),
    }),
    z.strictObject({
      type: z.literal("failure_rate"),
      percent: z.number({ error: "must be a number" }).min(1, "must be at least 1").max(100, "must be at most 100"),
      windowMinutes: z
        .number({ error: "must be a whole number" })
        .int("must be a whole number")
        .min(5, "must be at least 5")
        .max(10_080, "must be at most 10080 (a week)"),
      minDeliveries: z
        .number({ error: "must be a whole number" })
        .int("must be a whole number")
        .min(1, "must be at least 1")
        .max(100_000, "must be at most 100000"),
    }),
  ],
  {
    error:
      'must be {"type": "exhausted", "count"} or {"type": "failure_rate", "percent", "windowMinutes", "minDeliveries"}',
  },
);
export type DisablePolicyInput = z.output<typeof disablePolicySchema>;

export const MAX_WEBHOOK_CONCURRENCY = 50;
export const DEFAULT_WEBHOOK_CONCURRENCY = 10;

/** The fields a person edits; "all" flags make the lists irrelevant (empty = all, as in Blue). */
export const webhookBaseSchema = z.strictObject({
  name: z.string({ error: "is required" }).trim().min(1, "is required").max(100, "must be at most 100 characters"),
  url: webhookUrlSchema,
  description: z.string({ error: "must be text" }).max(1000, "must be at most 1000 characters").optional(),
  allEvents: z.boolean({ error: "must be true or false" }).optional(),
  events: eventsSchema.optional(),
  allProjects: z.boolean({ error: "must be true or false" }).optional(),
  projectIds: projectIdsSchema.optional(),
  enabled: z.boolean({ error: "must be true or false" }).optional(),
  maxConcurrency: z
    .number({ error: "must be a whole number" })
    .int("must be a whole number")
    .min(1, "must be at least 1")
    .max(MAX_WEBHOOK_CONCURRENCY, `must be at most ${MAX_WEBHOOK_CONCURRENCY}`)
    .optional(),
  maxPerSecond: z
    .number({ error: "must be a number, or null for no limit" })
    .min(0.1, "must be at least 0.1")
    .max(1000, "must be at most 1000")
    .nullable()
    .optional(),
  orderedDelivery: z.boolean({ error: "must be true or false" }).optional(),
  disablePolicy: disablePolicySchema.nullable().optional(),
  /** Rules on the event's record, comment or checklist item; null clears them. */
  conditions: conditionsSchema.optional(),
});

type Selection = { allEvents?: boolean; events?: string[]; allProjects?: boolean; projectIds?: string[] };

export function refineSelection(v: Selection, ctx: z.RefinementCtx) {
  if (v.allEvents === true && v.events?.length)
    ctx.addIssue({ code: "custom", path: ["events"], message: "leave empty when allEvents is true" });
  if (v.allProjects === true && v.projectIds?.length)
    ctx.addIssue({ code: "custom", path: ["projectIds"], message: "leave empty when allProjects is true" });
  if (v.allEvents === false && v.events !== undefined && v.events.length === 0)
    ctx.addIssue({ code: "custom", path: ["events"], message: "choose at least one event, or all events" });
  if (v.allProjects === false && v.projectIds !== undefined && v.projectIds.length === 0)
    ctx.addIssue({ code: "custom", path: ["projectIds"], message: "choose at least one project, or all projects" });
}

export const createWebhookSchema = webhookBaseSchema.superRefine(refineSelection);
export type CreateWebhookInput = z.output<typeof createWebhookSchema>;

/** PATCH: any subset; events or projectIds replace the whole list. */
export const updateWebhookSchema = webhookBaseSchema
  .partial()
  .superRefine(refineSelection)
  .refine((v) => Object.values(v).some((x) => x !== undefined), "send at least one field to change");
export type UpdateWebhookInput = z.output<typeof updateWebhookSchema>;

const isoDate = z.date().transform((d) => d.toISOString());

export const webhookResponse = z.object({
  id: z.string(),
  uid: z.string(),
  name: z.string(),
  url: z.string(),
  description: z.string(),
  allEvents: z.boolean(),
  events: z.array(z.string()).describe("Empty when allEvents is true"),
  allProjects: z.boolean(),
  projectIds: z.array(z.string()).describe("Empty when allProjects is true"),
  enabled: z.boolean(),
  status: z.enum(["HEALTHY", "DEGRADED", "UNHEALTHY"]).describe("Stored status; `state` is what to show"),
  state: z
    .enum(["NO_DATA", "HEALTHY", "DEGRADED", "UNHEALTHY", "DISABLED"])
    .describe("NO_DATA until a delivery ended; DISABLED by its creator, UNHEALTHY by failures"),
  disabledAt: isoDate.nullable().describe("When deliveries were turned off; null while they are on"),
  disabledReason: z.string().nullable(),
  maxConcurrency: z.number().int().describe("Deliveries in flight at once to this webhook"),
  maxPerSecond: z.number().nullable().describe("Deliveries started per second at most; null: no limit"),
  orderedDelivery: z
    .boolean()
    .describe("Events of one record are delivered in commit order, each after the previous one ended"),
  disablePolicy: disablePolicySchema.describe("When failing deliveries disable the webhook"),
  conditions: conditionsDoc,
  conditionReferences: z
    .array(conditionReferenceResponse)
    .describe("The lists, tags, people, custom fields and options the conditions name; deleted ones are marked"),
  secretRotationEndsAt: isoDate.nullable(),
  createdAt: isoDate,
  updatedAt: isoDate,
});
export type WebhookView = z.output<typeof webhookResponse>;

/** A project the webhook names that its creator can no longer reach: why and since when. */
export const accessIssueResponse = z.object({
  projectId: z.string(),
  projectName: z.string(),
  reason: z
    .enum(["ACCESS_REVOKED", "PROJECT_DELETED"])
    .describe("ACCESS_REVOKED: the creator left or was removed (delivery resumes if added back)"),
  since: isoDate,
});

const withAccessIssues = {
  accessIssues: z
    .array(accessIssueResponse)
    .describe("Named projects whose events are not delivered because the creator lost them; empty when none"),
};

export const webhookListResponse = z.object({ data: z.array(webhookResponse.extend(withAccessIssues)) });

export const webhookWithSecretResponse = webhookResponse.extend({
  secret: z.string().describe("The signing secret. Returned only when created or rotated; store it now."),
});

export const webhookHealthResponse = z.object({
  state: z.enum(["NO_DATA", "HEALTHY", "DEGRADED", "UNHEALTHY", "DISABLED"]),
  successRate24h: z.number().nullable().describe("Share of attempts in the last 24 h that succeeded"),
  attempts24h: z.number(),
  latencyMs: z.object({ p50: z.number().nullable(), p95: z.number().nullable(), p99: z.number().nullable() }),
  lastSuccessAt: z.string().nullable(),
  lastFailureAt: z.string().nullable(),
  consecutiveFailures: z.number(),
  failuresUntilDisabled: z
    .number()
    .nullable()
    .describe("Failed attempts after which the webhook is disabled (null with a failure-rate policy)"),
  disablePolicy: disablePolicySchema,
  disabledReason: z.string().nullable(),
});

export const webhookDetailResponse = webhookResponse.extend({ health: webhookHealthResponse, ...withAccessIssues });

/** A test sends the catalog's sample of an event type, or a recent stored event the webhook would send. */
export const testEventSchema = z
  .strictObject({
    eventType: eventTypeSchema.optional().describe("Send the catalog's sample payload of this event type"),
    eventId: idSchema
      .optional()
      .describe("Or send this stored event's real payload: one of the last 30 days that the webhook would send"),
  })
  .superRefine((v, ctx) => {
    if (v.eventType === undefined && v.eventId === undefined)
      ctx.addIssue({ code: "custom", path: ["eventType"], message: "is required, or eventId (a recent event)" });
    if (v.eventType !== undefined && v.eventId !== undefined)
      ctx.addIssue({ code: "custom", path: ["eventId"], message: "send eventType (a sample) or eventId, not both" });
  });
export type TestEventInput = z.output<typeof testEventSchema>;

export const testEventResponse = z.object({
  deliveryId: z.string(),
  ok: z.boolean(),
  statusCode: z.number().nullable(),
  latencyMs: z.number(),
  responseBody: z.string().nullable(),
  errorClass: z.string().nullable(),
  errorMessage: z.string().nullable(),
});

export const replaySchema = z.strictObject({
  since: z.iso.datetime({ offset: true, error: "must be an ISO 8601 date-time" }).transform((s) => new Date(s)),
  until: z.iso
    .datetime({ offset: true, error: "must be an ISO 8601 date-time" })
    .transform((s) => new Date(s))
    .optional(),
  status: z
    .array(z.enum(["SKIPPED", "FAILED"], { error: "must be SKIPPED or FAILED" }), {
      error: 'must be a list: ["SKIPPED"], ["FAILED"] or both',
    })
    .min(1, "must list SKIPPED, FAILED or both")
    .max(2, "must list SKIPPED, FAILED or both")
    .transform((statuses) => [...new Set(statuses)])
    .default(["SKIPPED", "FAILED"]),
});

export const activityQuery = z.strictObject({
  range: z.enum(["24h", "7d"], { error: "must be 24h or 7d" }).default("24h"),
});

export const activityResponse = z.object({
  range: z.enum(["24h", "7d"]),
  buckets: z.array(
    z.object({ hour: z.string(), ok: z.number(), failed: z.number(), p50LatencyMs: z.number().nullable() }),
  ),
});

export const replayProgressResponse = z.object({
  id: z.string(),
  webhookId: z.string(),
  total: z.number(),
  delivered: z.number(),
  failed: z.number().describe("Failed, or skipped again (cancelled or the webhook was disabled)"),
  pending: z.number(),
  state: z.enum(["running", "finished", "cancelled"]),
  createdAt: z.date().transform((d) => d.toISOString()),
});
