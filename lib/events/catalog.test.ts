import { describe, expect, it } from "vitest";
import { jsonSchemaValidator } from "@/tests/helpers/json-schema";
import { bodyJsonSchema, EVENT_CATALOG, EVENT_TYPES, eventTypeSchema, groupedEventTypes } from "./catalog";
import { sampleBody, samplePayload } from "./samples";

describe("event catalog", () => {
  it("has Blue's 37 subscribable event names in six groups, and our 7 for projects and members", () => {
    expect(EVENT_TYPES).toHaveLength(44);
    const groups = groupedEventTypes();
    expect(groups.map((g) => [g.id, g.events.length])).toEqual([
      ["records", 13],
      ["checklists", 12],
      ["lists", 3],
      ["customFields", 3],
      ["tags", 3],
      ["comments", 3],
      ["projects", 4],
      ["projectMembers", 3],
    ]);
    expect(EVENT_TYPES).not.toContain("WEBHOOK_HEALTH_CHECK");
  });

  it.each(EVENT_TYPES)("%s: the sample body satisfies the JSON Schema of the whole delivered body", (type) => {
    expect(EVENT_CATALOG[type].payloadSchema.safeParse(samplePayload(type)).success).toBe(true);
    const schema = bodyJsonSchema(type) as { $schema: string; properties: Record<string, unknown> };
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(Object.keys(schema.properties)).toEqual([
      "id",
      "timestamp",
      "event",
      "webhook",
      "previousValue",
      "currentValue",
    ]);
    const sample = sampleBody(type);
    expect(jsonSchemaValidator(schema)(sample)).toEqual([]);
    expect(EVENT_CATALOG[type].bodySchema.safeParse(sample).success).toBe(true);
  });

  it("the JSON Schema rejects a body with a wrong type, a missing field, another event or an extra key", () => {
    const validate = jsonSchemaValidator(bodyJsonSchema("TODO_CREATED"));
    const sample = sampleBody("TODO_CREATED") as Record<string, Record<string, unknown>>;
    const { webhook: _w, ...withoutWebhook } = sample;
    const { title: _t, ...untitled } = sample.currentValue;
    const rejected = {
      "title is a number": { ...sample, currentValue: { ...sample.currentValue, title: 42 } },
      "timestamp is not a date-time": { ...sample, timestamp: "yesterday" },
      "webhook is missing": withoutWebhook,
      "currentValue.title is missing": { ...sample, currentValue: untitled },
      "another event": { ...sample, event: "TODO_DELETED" },
      "previousValue is set on a create": { ...sample, previousValue: sample.currentValue },
      "the webhook carries its secret": { ...sample, webhook: { ...sample.webhook, secret: "whsec_x" } },
    };
    for (const [why, body] of Object.entries(rejected)) expect(validate(body), why).not.toEqual([]);
  });

  it("rejects a create payload whose previousValue is set", () => {
    const sample = samplePayload("TODO_CREATED");
    const bad = { previousValue: sample.currentValue, currentValue: sample.currentValue };
    expect(EVENT_CATALOG.TODO_CREATED.payloadSchema.safeParse(bad).success).toBe(false);
  });

  it("names unknown event types in its error", () => {
    const result = eventTypeSchema.safeParse("TODO_EXPLODED");
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].message).toContain('"TODO_EXPLODED" is not an event type');
  });
});
