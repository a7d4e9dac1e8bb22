import { describe, expect, it, vi } from "vitest";
import { ERRORED_KEY } from "./expressions";
import { concurrencySlots, idempotencyKey, maxAttempts } from "./flow-control";
import type { EventPayload, FunctionConfig } from "./protocol";

const event: EventPayload = { name: "webhook/deliver", id: "e1", ts: 0, data: { webhookId: "wh_1", tenant: "t9" } };

function config(extra: Partial<FunctionConfig> = {}, retries?: number): FunctionConfig {
  return {
    id: "app-fn",
    triggers: [{ event: "webhook/deliver" }],
    steps: {
      step: {
        runtime: { url: "http://127.0.0.1/api/inngest" },
        ...(retries === undefined ? {} : { retries: { attempts: retries } }),
      },
    },
    ...extra,
  };
}

describe("maxAttempts", () => {
  it("is retries + 1, defaulting to 3 retries and capping at 20", () => {
    expect(maxAttempts(config())).toBe(4);
    expect(maxAttempts(config({}, 0))).toBe(1);
    expect(maxAttempts(config({}, 2))).toBe(3);
    expect(maxAttempts(config({}, 50))).toBe(21);
  });
});

describe("concurrencySlots", () => {
  it("accepts a number, an object or up to two objects", () => {
    expect(concurrencySlots("app-fn", config({ concurrency: 3 }), event, vi.fn())).toEqual([
      { key: "app-fn:", limit: 3 },
    ]);
    expect(
      concurrencySlots("app-fn", config({ concurrency: { limit: 1, key: "event.data.webhookId" } }), event, vi.fn()),
    ).toEqual([{ key: "app-fn:event.data.webhookId=wh_1", limit: 1 }]);
    expect(
      concurrencySlots(
        "app-fn",
        config({
          concurrency: [
            { limit: 1, key: "event.data.webhookId" },
            { limit: 5, key: "event.data.tenant", scope: "env" },
          ],
        }),
        event,
        vi.fn(),
      ),
    ).toEqual([
      { key: "app-fn:event.data.webhookId=wh_1", limit: 1 },
      { key: "env:event.data.tenant=t9", limit: 5 },
    ]);
  });

  it("ignores limits of zero or less and functions without concurrency", () => {
    expect(concurrencySlots("app-fn", config({ concurrency: 0 }), event, vi.fn())).toEqual([]);
    expect(concurrencySlots("app-fn", config(), event, vi.fn())).toEqual([]);
  });

  it("puts runs whose key expression fails under one shared key", () => {
    const onError = vi.fn();
    const slots = concurrencySlots(
      "app-fn",
      config({ concurrency: { limit: 1, key: "event.data.missing" } }),
      event,
      onError,
    );
    expect(slots).toEqual([{ key: `app-fn:event.data.missing=${ERRORED_KEY}`, limit: 1 }]);
    expect(onError).toHaveBeenCalledOnce();
  });
});

describe("idempotencyKey", () => {
  it("evaluates the function's idempotency expression", () => {
    expect(idempotencyKey(config({ idempotency: "event.data.webhookId" }), event, vi.fn())).toBe("wh_1");
    expect(idempotencyKey(config(), event, vi.fn())).toBeUndefined();
  });
});
