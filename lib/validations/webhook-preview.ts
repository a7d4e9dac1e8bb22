// The preview of a webhook's selection and conditions against stored events, before it is saved:
// shared by the webhook form, the REST API and the OpenAPI document.
import { z } from "zod";
import { refineSelection, webhookBaseSchema } from "./webhook";
import { conditionsDoc, conditionsSchema } from "./webhook-conditions";

/** Only the most recent events are read: the preview answers while the form is open. */
export const PREVIEW_EVENT_LIMIT = 10_000;
export const PREVIEW_EXAMPLES = 20;
export const PREVIEW_MISSES = 5;
export const MAX_PREVIEW_DAYS = 30;
export const DEFAULT_PREVIEW_DAYS = 7;

const previewFields = webhookBaseSchema
  .pick({ allEvents: true, events: true, allProjects: true, projectIds: true })
  .extend({
    conditions: conditionsSchema,
    days: z
      .number({ error: "must be a whole number of days" })
      .int("must be a whole number of days")
      .min(1, "must be at least 1")
      .max(MAX_PREVIEW_DAYS, `must be at most ${MAX_PREVIEW_DAYS}`)
      .default(DEFAULT_PREVIEW_DAYS),
  });

/** The selection as the webhook form has it (empty or missing lists mean "all"), its conditions, and a window. */
export const webhookPreviewSchema = previewFields.superRefine(refineSelection);
export type WebhookPreviewInput = z.output<typeof webhookPreviewSchema>;

/** The same body as documented: conditions in their JSON form (or null for none). */
export const webhookPreviewDoc = previewFields.extend({ conditions: conditionsDoc });

const previewEvent = z.object({
  eventId: z.string(),
  type: z.string(),
  occurredAt: z.string().describe("ISO 8601"),
  projectId: z.string(),
  projectName: z.string(),
  record: z.object({ id: z.string(), title: z.string() }).nullable().describe("The record the event is about, if any"),
  results: z
    .array(z.object({ path: z.string(), passed: z.boolean() }))
    .describe("Each rule and nested group by its path (`rules[1].rules[0]`), and whether it held"),
});
export type PreviewEvent = z.output<typeof previewEvent>;

export const webhookPreviewResponse = z.object({
  from: z.string().describe("Start of the window (ISO 8601)"),
  to: z.string().describe("End of the window: now (ISO 8601)"),
  considered: z.number().int().describe("Events of the selected types and projects in the window that were read"),
  matched: z.number().int().describe("Of those, the events the webhook would have sent"),
  capped: z
    .boolean()
    .describe(`True when the window holds more events: only the most recent ${PREVIEW_EVENT_LIMIT} are read`),
  examples: z.array(previewEvent).describe(`Up to ${PREVIEW_EXAMPLES} matched events, most recent first`),
  misses: z.array(previewEvent).describe(`Up to ${PREVIEW_MISSES} events that did not match, most recent first`),
});
export type WebhookPreview = z.output<typeof webhookPreviewResponse>;
