import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { safeNextPath } from "./safe-next-path";

const FALLBACK = "/projects";
const APP = "https://app.example";

/** Where a browser on the app would end up following the redirect. */
const landsOn = (path: string) => new URL(path, `${APP}/sign-in`);

describe("safeNextPath", () => {
  it.each([
    [undefined, FALLBACK],
    [["/a", "/b"], FALLBACK],
    ["/settings/api-tokens", "/settings/api-tokens"],
    ["/settings/webhooks?status=FAILED#log", "/settings/webhooks?status=FAILED#log"],
    ["/projects/../settings", "/settings"],
    ["/%2F%2Fevil.example", "/%2F%2Fevil.example"],
    ["https://evil.example/", FALLBACK],
    ["//evil.example/", FALLBACK],
    ["/\\evil.example", FALLBACK],
    ["javascript:alert(1)", FALLBACK],
    ["/\t/evil.example", FALLBACK],
    ["/\n/evil.example", FALLBACK],
    ["/\r\n/evil.example", FALLBACK],
    ["/\u0000/evil.example", FALLBACK],
    ["/\u007f/evil.example", FALLBACK],
    ["/\u0085/evil.example", FALLBACK],
    ["/../\\evil.example", FALLBACK],
    ["/..//evil.example", FALLBACK],
    ["/.//evil.example", FALLBACK],
    ["/a/..//evil.example", FALLBACK],
    ["/%09/evil.example", "/%09/evil.example"],
    ["/settings\nSet-Cookie: x=1", FALLBACK],
  ])("%j → %j", (input, expected) => {
    expect(safeNextPath(input)).toBe(expected);
  });

  // Strings built from the pieces that open redirects are made of.
  const piece = fc.constantFrom(
    "/",
    "//",
    "\\",
    ".",
    "..",
    "\t",
    "\n",
    "\r",
    "\u0000",
    " ",
    "%2F",
    "%5C",
    "%09",
    "@",
    ":",
    "?",
    "#",
    "evil.example",
    "https:",
    "javascript:",
    "settings",
    "\u3000",
    "\u2028",
  );
  const tricky = fc.array(piece, { maxLength: 12 }).map((parts) => parts.join(""));

  it("never leaves the app's origin, whatever it is given", () => {
    fc.assert(
      fc.property(fc.oneof(tricky, fc.string(), fc.string({ unit: "grapheme" })), (input) => {
        const result = safeNextPath(input);
        expect(result.startsWith("/")).toBe(true);
        expect(result.startsWith("//")).toBe(false);
        expect(result).not.toMatch(/[\p{Cc}\\]/u);
        expect(landsOn(result).origin).toBe(APP);
      }),
      { numRuns: 5_000 },
    );
  });

  it("keeps every plain path on the site as it is", () => {
    const segment = fc.stringMatching(/^[A-Za-z0-9_-]{1,12}$/);
    fc.assert(
      fc.property(fc.array(segment, { minLength: 1, maxLength: 5 }), (segments) => {
        const path = `/${segments.join("/")}`;
        expect(safeNextPath(path)).toBe(path);
      }),
    );
  });
});
