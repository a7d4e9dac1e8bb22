import { describe, expect, it, vi } from "vitest";
import { ERRORED_KEY, expressionKey, expressionMatches } from "./expressions";

const event = { name: "app/order", data: { amount: 150, webhookId: "wh_1", tags: ["a", "b"], nested: { n: 2 } } };

describe("expressionMatches", () => {
  it("evaluates CEL against the event", () => {
    const onError = vi.fn();
    expect(expressionMatches("event.data.amount > 100", { event }, onError)).toBe(true);
    expect(expressionMatches("event.data.amount > 200", { event }, onError)).toBe(false);
    expect(expressionMatches("event.data.webhookId == 'wh_1' && 'b' in event.data.tags", { event }, onError)).toBe(
      true,
    );
    expect(onError).not.toHaveBeenCalled();
  });

  it("matches the onFailure trigger the SDK registers", () => {
    const failed = { name: "inngest/function.failed", data: { function_id: "app-fn" } };
    expect(expressionMatches("event.data.function_id == 'app-fn'", { event: failed }, vi.fn())).toBe(true);
    expect(expressionMatches("event.data.function_id == 'app-other'", { event: failed }, vi.fn())).toBe(false);
  });

  it("treats a missing expression as a match", () => {
    expect(expressionMatches(undefined, { event }, vi.fn())).toBe(true);
    expect(expressionMatches("  ", { event }, vi.fn())).toBe(true);
  });

  it("reports errors and treats them as no match", () => {
    const onError = vi.fn();
    expect(expressionMatches("event.data.missing == 'x'", { event }, onError)).toBe(false);
    expect(expressionMatches("event.data.amount >", { event }, onError)).toBe(false);
    expect(expressionMatches("event.data.amount", { event }, onError)).toBe(false);
    expect(onError).toHaveBeenCalledTimes(2);
  });
});

describe("expressionKey", () => {
  it("turns any value into a stable string", () => {
    expect(expressionKey("event.data.webhookId", { event }, vi.fn())).toBe("wh_1");
    expect(expressionKey("event.data.nested.n * 2.0", { event }, vi.fn())).toBe("4");
    expect(expressionKey("event.data.tags", { event }, vi.fn())).toBe('["a","b"]');
    expect(expressionKey("event.data.nested", { event }, vi.fn())).toBe('{"n":2}');
  });

  it("puts every failing evaluation under one shared key", () => {
    const onError = vi.fn();
    expect(expressionKey("event.data.nope", { event }, onError)).toBe(ERRORED_KEY);
    expect(expressionKey("event.data.", { event }, onError)).toBe(ERRORED_KEY);
    expect(onError).toHaveBeenCalledTimes(2);
  });
});
