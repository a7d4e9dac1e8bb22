import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AUTH_MODES, otherFormHref } from "./auth-modes";

describe("AUTH_MODES", () => {
  it.each(Object.entries(AUTH_MODES))("%s shows exactly the fields its schema accepts", (_mode, config) => {
    expect([...config.fields].sort()).toEqual(Object.keys(config.schema.shape).sort());
  });
});

describe("otherFormHref", () => {
  it("links to the other form plainly when the reader goes where that page goes anyway", () => {
    expect(otherFormHref("signIn", "/projects")).toBe("/sign-up");
    expect(otherFormHref("signUp", "/start")).toBe("/sign-in");
  });

  it("carries any other destination along", () => {
    expect(otherFormHref("signIn", "/invite/abc?x=1")).toBe("/sign-up?next=%2Finvite%2Fabc%3Fx%3D1");
    expect(otherFormHref("signUp", "/projects")).toBe("/sign-in?next=%2Fprojects");
  });

  it("keeps the destination whole, whatever it holds", () => {
    fc.assert(
      fc.property(fc.constantFrom("signIn" as const, "signUp" as const), fc.string(), (mode, next) => {
        const href = otherFormHref(mode, next);
        const url = new URL(href, "http://app.invalid");
        expect(url.pathname).toBe(AUTH_MODES[mode].other.page);
        expect(url.searchParams.get("next") ?? AUTH_MODES[mode].defaultNext).toBe(next);
      }),
    );
  });
});
