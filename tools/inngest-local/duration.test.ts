import { describe, expect, it } from "vitest";
import { parseDurationMs, sleepUntilMs } from "./duration";

describe("parseDurationMs", () => {
  it("reads the SDK's compound durations", () => {
    expect(parseDurationMs("1s")).toBe(1_000);
    expect(parseDurationMs("2h30m10s")).toBe(9_010_000);
    expect(parseDurationMs("1w1d")).toBe(691_200_000);
    expect(parseDurationMs("500ms")).toBe(500);
    expect(parseDurationMs("1.5h")).toBe(5_400_000);
  });

  it("rejects anything else", () => {
    for (const text of ["", "5", "1x", "1s junk", "s", "-1s"]) expect(parseDurationMs(text)).toBeUndefined();
  });
});

describe("sleepUntilMs", () => {
  const now = Date.parse("2030-01-01T00:00:00Z");

  it("adds a duration to now", () => {
    expect(sleepUntilMs("1m", now)).toBe(now + 60_000);
  });

  it("accepts an ISO instant (sleepUntil) and never returns a time in the past", () => {
    expect(sleepUntilMs("2030-01-01T00:00:05.000Z", now)).toBe(now + 5_000);
    expect(sleepUntilMs("2020-01-01T00:00:00.000Z", now)).toBe(now);
  });

  it("throws a readable error for garbage", () => {
    expect(() => sleepUntilMs("tomorrow", now)).toThrow('invalid sleep duration or date: "tomorrow"');
  });
});
