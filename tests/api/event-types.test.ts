import { describe, expect, it } from "vitest";
import { GET as eventType } from "@/app/api/v1/event-types/[type]/route";
import { GET as eventTypes } from "@/app/api/v1/event-types/route";
import { call, signUp } from "../helpers/http";

describe("GET /api/v1/event-types", () => {
  it("lists the 44 event types in eight groups: Blue's six, then projects and their members", async () => {
    const { cookie } = await signUp("catalog");
    const res = await call(eventTypes, { cookie });
    expect(res.status).toBe(200);
    expect(res.json.data.map((g: { label: string }) => g.label)).toEqual([
      "Records",
      "Checklists",
      "Lists",
      "Custom fields",
      "Tags",
      "Comments",
      "Projects",
      "Project members",
    ]);
    expect(res.json.data.flatMap((g: { events: unknown[] }) => g.events)).toHaveLength(44);
  });

  it("serves the JSON Schema of one type's whole delivered body and a sample, and 404 for unknown types", async () => {
    const { cookie } = await signUp("catalog2");
    const res = await call(eventType, { cookie, params: { type: "TODO_MOVED" } });
    expect(res.status).toBe(200);
    const { jsonSchema, sample } = res.json;
    expect(jsonSchema.required).toEqual(["id", "timestamp", "event", "webhook", "previousValue", "currentValue"]);
    expect(jsonSchema.properties.event).toEqual({ type: "string", const: "TODO_MOVED" });
    expect(jsonSchema.properties.currentValue.properties.todoList).toMatchObject({ type: "object" });
    expect(sample).toMatchObject({ event: "TODO_MOVED", webhook: { events: ["TODO_MOVED"] } });
    expect(sample.currentValue.todoList.project.name).toBe("Mobile App");
    const unknown = await call(eventType, { cookie, params: { type: "WEBHOOK_HEALTH_CHECK" } });
    expect(unknown.status).toBe(404);
  });
});
