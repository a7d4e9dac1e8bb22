import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type DeliveryFilters, deliveryListQuery, TIME_RANGES } from "./delivery-queries";

const none: DeliveryFilters = { status: "", eventType: "", range: "", projectId: "" };
const now = Date.parse("2026-12-01T12:00:00.000Z");

describe("deliveryListQuery", () => {
  it("asks for a page of 25 and nothing else when no filter is set", () => {
    expect(deliveryListQuery(none, "", now).toString()).toBe("limit=25");
  });

  it("sends each filter that is set, the range as a start time, and the cursor", () => {
    const q = deliveryListQuery(
      { status: "FAILED", eventType: "TODO_CREATED", range: "1h", projectId: "p1" },
      "c9",
      now,
    );
    expect(Object.fromEntries(q)).toEqual({
      limit: "25",
      status: "FAILED",
      eventType: "TODO_CREATED",
      projectId: "p1",
      since: "2026-12-01T11:00:00.000Z",
      cursor: "c9",
    });
  });

  it("ignores a range it does not know (an edited address) instead of sending a wrong start", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.constantFrom("toString", "constructor", "__proto__", "1H"),
          fc.string().filter((r) => !Object.hasOwn(TIME_RANGES, r)),
        ),
        (range) => {
          expect(deliveryListQuery({ ...none, range }, "", now).has("since")).toBe(false);
        },
      ),
    );
  });
});
