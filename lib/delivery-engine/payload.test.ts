import { describe, expect, it } from "vitest";
import { samplePayload } from "../events/samples";
import { bodyBuilder, deliveryBody, eventMessageId, todoOf } from "./payload";

describe("delivery payload", () => {
  it("finds the record an event is about", () => {
    const title = "Publish the new pricing page";
    expect(todoOf(samplePayload("TODO_CREATED").currentValue)).toEqual({ id: "tdo_pricing", title });
    expect(todoOf(samplePayload("COMMENT_CREATED").currentValue)).toEqual({ id: "tdo_pricing", title });
    expect(todoOf(samplePayload("TODO_CHECKLIST_ITEM_CREATED").currentValue)).toEqual({ id: "tdo_pricing", title });
    expect(todoOf(samplePayload("TAG_CREATED").currentValue)).toEqual({ id: null, title: null });
  });

  it("message ids are stable per (event, webhook) and differ otherwise", () => {
    expect(eventMessageId("e1", "w1")).toBe(eventMessageId("e1", "w1"));
    expect(eventMessageId("e1", "w1")).not.toBe(eventMessageId("e1", "w2"));
    expect(eventMessageId("e1", "w1")).toMatch(/^msg_[A-Za-z0-9_-]{27}$/);
  });

  it("the body never carries the secret and keeps Blue's fields", () => {
    const body = JSON.parse(
      deliveryBody({
        id: "e1",
        timestamp: new Date("2026-06-01T00:00:00Z"),
        event: "TODO_CREATED",
        webhook: {
          id: "w",
          uid: "wh_x",
          name: "n",
          url: "https://x",
          status: "HEALTHY",
          enabled: true,
          events: [],
          projectIds: [],
          secretEncrypted: "v1:secret",
        } as never,
        previousValue: null,
        currentValue: { a: 1 },
      }),
    );
    expect(Object.keys(body)).toEqual(["id", "timestamp", "event", "webhook", "previousValue", "currentValue"]);
    expect(JSON.stringify(body)).not.toContain("secret");
  });

  it("the per-event builder gives the bytes of JSON.stringify of the whole payload", () => {
    const event = {
      id: "evt_1",
      timestamp: new Date("2026-06-01T12:34:56.789Z"),
      event: "TODO_MOVED",
      previousValue: { title: 'quote " and \\ backslash', n: 1.5, nested: [null, true] },
      currentValue: undefined,
    };
    const webhooks = ["a", "b"].map((id) => ({
      id,
      uid: `wh_${id}`,
      name: `Hook “${id}”`,
      url: `https://example.com/${id}`,
      status: "HEALTHY",
      enabled: id === "a",
      events: ["TODO_MOVED"],
      projectIds: ["p1", "p2"],
    }));
    const build = bodyBuilder(event);
    for (const webhook of webhooks) {
      const whole = JSON.stringify({
        id: event.id,
        timestamp: event.timestamp.toISOString(),
        event: event.event,
        webhook,
        previousValue: event.previousValue,
        currentValue: null,
      });
      expect(build(webhook)).toBe(whole);
    }
    expect(build(webhooks[0])).not.toBe(build(webhooks[1]));
  });
});
