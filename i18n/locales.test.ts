import { describe, expect, it } from "vitest";
import { pickLocale } from "./locales";

describe("pickLocale", () => {
  it("prefers the saved language, then the cookie, then the first supported Accept-Language", () => {
    expect(pickLocale(["ru", "es"], "sv-SE")).toBe("ru");
    expect(pickLocale([null, "es"], "sv-SE")).toBe("es");
    expect(pickLocale([null, "xx"], "de-DE,sv-SE;q=0.8,en;q=0.5")).toBe("sv");
    expect(pickLocale([undefined, undefined], "pt-BR")).toBe("pt");
  });

  it("finds nothing when no choice is supported", () => {
    expect(pickLocale([null, "fr"], "de-DE,fr;q=0.9")).toBeUndefined();
    expect(pickLocale([], null)).toBeUndefined();
  });
});
