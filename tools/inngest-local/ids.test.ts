import { describe, expect, it } from "vitest";
import { eventIdFromSeed, ulid } from "./ids";

describe("ulid", () => {
  it("is 26 Crockford base32 characters that sort by time", () => {
    const early = ulid(Date.parse("2030-01-01T00:00:00Z"));
    const late = ulid(Date.parse("2030-01-01T00:00:01Z"));
    expect(early).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(early < late).toBe(true);
  });
});

describe("eventIdFromSeed", () => {
  const seed = "1700000000000,c2VlZHNlZWRzZQ==";

  it("is deterministic per seed and index", () => {
    expect(eventIdFromSeed(seed, 0)).toBe(eventIdFromSeed(seed, 0));
    expect(eventIdFromSeed(seed, 0)).not.toBe(eventIdFromSeed(seed, 1));
    expect(eventIdFromSeed(seed, 0)?.slice(0, 10)).toBe(ulid(1_700_000_000_000).slice(0, 10));
  });

  it("ignores malformed seeds", () => {
    expect(eventIdFromSeed("garbage", 0)).toBeUndefined();
    expect(eventIdFromSeed("", 0)).toBeUndefined();
  });
});
