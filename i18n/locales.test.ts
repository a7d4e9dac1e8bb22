import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { LOCALES, pickLocale } from "./locales";

describe("locales", () => {
  it("picks the cookie, then the first supported Accept-Language, else nothing", () => {
    expect(pickLocale("en", "sv-SE")).toBe("en");
    expect(pickLocale("xx", "sv-SE,en-GB;q=0.8")).toBe("en");
    expect(pickLocale(undefined, "sv-SE")).toBeUndefined();
  });

  it("has a message file for every listed locale, with the same keys as English", () => {
    const keys = (obj: object, prefix = ""): string[] =>
      Object.entries(obj).flatMap(([k, v]) => (typeof v === "object" ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
    const english = keys(JSON.parse(fs.readFileSync(path.join("messages", "en.json"), "utf8")));
    for (const locale of LOCALES) {
      const messages = JSON.parse(fs.readFileSync(path.join("messages", `${locale}.json`), "utf8"));
      expect(keys(messages).sort()).toEqual(english.sort());
    }
  });
});
