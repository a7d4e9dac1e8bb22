import { describe, expect, it } from "vitest";
import { BACKOFF_TABLE_MS, backoffDelayMs, MAX_RETRY_AFTER_MS, retryAfterDelayMs } from "./backoff";

describe("backoffDelayMs", () => {
  const noJitter = () => 0;

  it("follows Inngest's table: 15s, 30s, 1m, 2m, 5m, 10m, 20m, 40m, 1h, 2h", () => {
    const delays = Array.from({ length: 10 }, (_, attempt) => backoffDelayMs(attempt, 1, noJitter) / 1_000);
    expect(delays).toEqual([15, 30, 60, 120, 300, 600, 1_200, 2_400, 3_600, 7_200]);
  });

  it("stays at 2h past the end of the table", () => {
    expect(backoffDelayMs(25, 1, noJitter)).toBe(BACKOFF_TABLE_MS[9]);
  });

  it("adds up to 30s of jitter", () => {
    expect(backoffDelayMs(0, 1, () => 0.999_999)).toBe(15_000 + 29_999);
  });

  it("scales table and jitter for tests", () => {
    expect(backoffDelayMs(0, 0.001, noJitter)).toBe(15);
    expect(backoffDelayMs(1, 0.001, () => 0.5)).toBe(45);
    expect(backoffDelayMs(3, 0, () => 0.5)).toBe(0);
  });
});

describe("retryAfterDelayMs", () => {
  const now = Date.parse("2030-01-01T00:00:00Z");

  it("reads whole seconds", () => {
    expect(retryAfterDelayMs("2", now)).toBe(2_000);
    expect(retryAfterDelayMs(" 0 ", now)).toBe(0);
  });

  it("reads ISO-8601 and HTTP dates relative to now", () => {
    expect(retryAfterDelayMs("2030-01-01T00:01:00.000Z", now)).toBe(60_000);
    expect(retryAfterDelayMs("Tue, 01 Jan 2030 00:00:30 GMT", now)).toBe(30_000);
  });

  it("never goes negative and caps far-away dates", () => {
    expect(retryAfterDelayMs("2029-12-31T23:00:00Z", now)).toBe(0);
    expect(retryAfterDelayMs("999999999", now)).toBe(MAX_RETRY_AFTER_MS);
  });

  it("ignores absent or unreadable values", () => {
    expect(retryAfterDelayMs(undefined, now)).toBeUndefined();
    expect(retryAfterDelayMs("", now)).toBeUndefined();
    expect(retryAfterDelayMs("soon", now)).toBeUndefined();
  });
});
