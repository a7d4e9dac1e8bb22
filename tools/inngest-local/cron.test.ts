import { describe, expect, it } from "vitest";
import { nextCronRun, parseCronExpression } from "./cron";

describe("parseCronExpression", () => {
  it("splits off a TZ= or CRON_TZ= prefix", () => {
    expect(parseCronExpression("*/5 * * * *")).toEqual({ pattern: "*/5 * * * *" });
    expect(parseCronExpression("TZ=Europe/Paris 0 9 * * *")).toEqual({
      timezone: "Europe/Paris",
      pattern: "0 9 * * *",
    });
    expect(parseCronExpression("CRON_TZ=America/New_York 0 9 * * 1")).toEqual({
      timezone: "America/New_York",
      pattern: "0 9 * * 1",
    });
  });
});

describe("nextCronRun", () => {
  const after = new Date("2030-01-01T10:02:30Z");

  it("computes the next slot of a five-part pattern", () => {
    expect(nextCronRun("*/5 * * * *", after)?.toISOString()).toBe("2030-01-01T10:05:00.000Z");
  });

  it("honours the time zone", () => {
    expect(nextCronRun("TZ=Europe/Paris 0 12 * * *", after)?.toISOString()).toBe("2030-01-01T11:00:00.000Z");
  });

  it("supports second-level patterns", () => {
    expect(nextCronRun("* * * * * *", after)?.toISOString()).toBe("2030-01-01T10:02:31.000Z");
  });

  it("throws for an invalid pattern", () => {
    expect(() => nextCronRun("every day", after)).toThrow();
    expect(() => nextCronRun("TZ=Nowhere/Atlantis * * * * *", after)).toThrow();
  });
});
