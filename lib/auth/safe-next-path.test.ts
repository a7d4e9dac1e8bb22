import { describe, expect, it } from "vitest";
import { safeNextPath } from "./safe-next-path";

describe("safeNextPath", () => {
  it.each([
    [undefined, "/projects"],
    ["/settings/api-tokens", "/settings/api-tokens"],
    ["https://evil.example/", "/projects"],
    ["//evil.example/", "/projects"],
    ["/\\evil.example", "/projects"],
    ["javascript:alert(1)", "/projects"],
  ])("%s → %s", (input, expected) => {
    expect(safeNextPath(input)).toBe(expected);
  });
});
