import { describe, expect, it } from "vitest";
import { ApiError } from "../api/errors";
import { decodeCursor, encodeCursor } from "./delivery-cursor";

const raw = (parts: unknown) => Buffer.from(JSON.stringify(parts)).toString("base64url");

describe("delivery cursor", () => {
  it("reads back what it wrote", () => {
    const cursor = { createdAt: new Date("2026-03-01T12:34:56.789Z"), id: "cmx4l5m3b0006mn7drqudruzh" };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
  });

  it.each([
    ["not base64 JSON", "!!!"],
    ["not a pair", raw(["2026-03-01T12:34:56.789Z"])],
    ["an impossible date", raw(["2026-02-30T00:00:00.000Z", "cm1"])],
    ["a date another way written", raw(["2026-03-01T12:34:56Z", "cm1"])],
    ["a year PostgreSQL cannot store", raw(["-271821-04-20T00:00:00.000Z", "cm1"])],
    ["an id with a NUL", raw(["2026-03-01T12:34:56.789Z", "cm\u0000"])],
    ["an id that is not text", raw(["2026-03-01T12:34:56.789Z", 7])],
  ])("refuses %s, naming the cursor", (_, value) => {
    const error = (() => {
      try {
        decodeCursor(value);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).fields).toEqual({ cursor: ["is not a cursor this API returned"] });
  });
});
