import { describe, expect, it } from "vitest";
import { disableReason } from "../delivery-engine/decide";
import { lastErrorKind, parseDisableReason } from "./disable-reason";

describe("parseDisableReason", () => {
  it("reads back every reason the disable policy writes", () => {
    expect(parseDisableReason(disableReason({ type: "exhausted", count: 1 }, "TODO_CREATED", 5, "HTTP 500"))).toEqual({
      code: "attempts",
      values: { attempts: 5, event: "TODO_CREATED" },
      lastError: "HTTP 500",
    });
    expect(parseDisableReason(disableReason({ type: "exhausted", count: 3 }, "TODO_MOVED", 5, null))).toEqual({
      code: "streak",
      values: { count: 3, event: "TODO_MOVED" },
      lastError: null,
    });
    const rate = { type: "failure_rate", percent: 50, windowMinutes: 60, minDeliveries: 10 } as const;
    expect(parseDisableReason(disableReason(rate, "COMMENT_CREATED", 5, "connect ECONNREFUSED 127.0.0.1:9"))).toEqual({
      code: "rate",
      values: { percent: 50, minutes: 60, event: "COMMENT_CREATED" },
      lastError: "connect ECONNREFUSED 127.0.0.1:9",
    });
  });

  it("reads the 410 rule's and the creator's reasons, and nothing else", () => {
    expect(parseDisableReason("The receiver answered 410 Gone to TODO_CREATED")).toMatchObject({
      code: "gone",
      values: { event: "TODO_CREATED" },
    });
    expect(parseDisableReason("Turned off by its creator")?.code).toBe("creator");
    expect(parseDisableReason("Switched off by an operator")).toBeNull();
  });

  it("names the receiver's last error in plain words when it can", () => {
    expect(lastErrorKind("HTTP 503")).toEqual({ key: "serverError", status: 503 });
    expect(lastErrorKind("HTTP 404")).toEqual({ key: "clientError", status: 404 });
    expect(lastErrorKind("Redirects are not followed (HTTP 301 to https://x)")).toEqual({
      key: "redirect",
      status: 301,
    });
    expect(lastErrorKind("The receiver did not answer in time")).toEqual({ key: "timeout" });
    expect(lastErrorKind("connect ECONNREFUSED 127.0.0.1:4371")).toEqual({ key: "refused" });
    expect(lastErrorKind("getaddrinfo ENOTFOUND nowhere.example")).toEqual({ key: "dns" });
    expect(lastErrorKind("socket hang up")).toBeNull();
  });
});
