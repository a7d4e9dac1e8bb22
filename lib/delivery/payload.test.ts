import { describe, expect, it } from "vitest";
import { samplePayload } from "../events/samples";
import { deliveryBody, eventMessageId, todoOf } from "./payload";

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
});
