import { describe, expect, it } from "vitest";
import { malformedPathReason } from "./request-path";

describe("malformedPathReason", () => {
  it.each([
    "/api/v1/lists/%zz",
    "/api/v1/lists/%",
    "/api/v1/lists/%ff%fe",
    "/api/v1/lists/%c0%ae",
    "/lists/%zz",
    "/settings/webhooks/%e2%82",
  ])("refuses %s as malformed percent-encoding", (path) => {
    expect(malformedPathReason(path)).toBe("it has malformed percent-encoding");
  });

  it.each(["/api/v1/lists/%00", "/settings/webhooks/a%0Ab", "/x/%7f", "/x/%c2%85"])(
    "refuses %s as a control character",
    (path) => {
      expect(malformedPathReason(path)).toBe("it contains a control character");
    },
  );

  it.each([
    "/",
    "/api/v1/lists/cm0abc123",
    "/api/v1/event-types/TODO%5FCREATED",
    "/projects/caf%C3%A9",
    "/a%2Fb",
    "/settings/webhooks/new",
  ])("accepts %s", (path) => {
    expect(malformedPathReason(path)).toBeNull();
  });
});
