import { describe, expect, it } from "vitest";
import { EVENT_CATALOG, EVENT_TYPES, eventTypeSchema, groupedEventTypes, payloadJsonSchema } from "./catalog";
import { samplePayload } from "./samples";

describe("event catalog", () => {
  it("has Blue's 37 subscribable event names, in six groups", () => {
    expect(EVENT_TYPES).toHaveLength(37);
    const groups = groupedEventTypes();
    expect(groups.map((g) => [g.id, g.events.length])).toEqual([
      ["records", 13],
      ["checklists", 12],
      ["lists", 3],
      ["customFields", 3],
      ["tags", 3],
      ["comments", 3],
    ]);
    expect(EVENT_TYPES).not.toContain("WEBHOOK_HEALTH_CHECK");
  });

  it.each(EVENT_TYPES)("%s: the sample satisfies its schema and has a JSON Schema", (type) => {
    const sample = samplePayload(type);
    expect(EVENT_CATALOG[type].payloadSchema.safeParse(sample).success).toBe(true);
    const json = payloadJsonSchema(type) as { properties: Record<string, unknown> };
    expect(Object.keys(json.properties)).toEqual(["previousValue", "currentValue"]);
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
