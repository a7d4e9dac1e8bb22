// Every language has exactly English's messages, with the same placeholders, and none of its
// sentences left in English.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { EVENT_GROUPS, EVENT_TYPES, groupedEventTypes, HEALTH_CHECK_EVENT } from "@/lib/events/catalog";
import { DEFAULT_LOCALE, LOCALES } from "./locales";

type Tree = { [key: string]: string | Tree };

const load = (locale: string): Tree =>
  JSON.parse(fs.readFileSync(path.join(process.cwd(), "messages", `${locale}.json`), "utf8"));

function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === "string") out.set(`${prefix}${key}`, value);
    else for (const [k, v] of flatten(value, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}

/**
 * The argument names of an ICU message ({name}, {count, plural, one {…} other {…}}), sorted; throws
 * on unbalanced braces. Plural and select branches are read as messages of their own.
 */
function icuArguments(message: string): string[] {
  const names = new Set<string>();
  let i = 0;
  const readMessage = (nested: boolean) => {
    while (i < message.length) {
      const c = message[i];
      if (c === "}") {
        if (!nested) throw new Error(`unexpected } at ${i}`);
        return;
      }
      if (c === "{") {
        i++;
        readArgument();
        continue;
      }
      i++;
    }
    if (nested) throw new Error("missing }");
  };
  const readArgument = () => {
    const head = /^\s*([A-Za-z_]\w*)\s*(,\s*(\w+)\s*(,)?)?/.exec(message.slice(i));
    if (!head) throw new Error(`bad argument at ${i}`);
    names.add(head[1]);
    i += head[0].length;
    if (!head[2]) {
      if (message[i] !== "}") throw new Error(`expected } at ${i}`);
      i++;
      return;
    }
    if (head[3] === "plural" || head[3] === "select" || head[3] === "selectordinal") {
      for (;;) {
        const branch = /^\s*(=?\w+)\s*\{/.exec(message.slice(i));
        if (!branch) break;
        i += branch[0].length;
        readMessage(true);
        i++;
      }
    } else {
      const end = message.indexOf("}", i);
      if (end < 0) throw new Error("missing }");
      i = end;
    }
    const close = /^\s*\}/.exec(message.slice(i));
    if (!close) throw new Error(`expected } at ${i}`);
    i += close[0].length;
  };
  readMessage(false);
  return [...names].sort();
}

// Words that are the same in every language: names, codes and abbreviations.
const SAME_EVERYWHERE = new Set(["Blue Webhooks", "OpenAPI document (JSON)"]);
const wordCount = (text: string) => text.replace(/\{[^}]*\}/g, " ").match(/\p{L}{2,}/gu)?.length ?? 0;

const english = flatten(load(DEFAULT_LOCALE));

describe("message catalogues", () => {
  it("reads ICU arguments", () => {
    expect(icuArguments("Hi {name}, {count, plural, one {# item} other {# items of {list}}}")).toEqual([
      "count",
      "list",
      "name",
    ]);
    expect(() => icuArguments("Hi {name")).toThrow();
    expect(() => icuArguments("Hi name}")).toThrow();
  });

  for (const locale of LOCALES.filter((l) => l !== DEFAULT_LOCALE)) {
    describe(locale, () => {
      const messages = flatten(load(locale));

      it("has every English key and no other", () => {
        const missing = [...english.keys()].filter((k) => !messages.has(k));
        const extra = [...messages.keys()].filter((k) => !english.has(k));
        expect({ missing, extra }).toEqual({ missing: [], extra: [] });
      });

      it("keeps every placeholder of the English message, and no quote that would hide one", () => {
        const wrong = [...english].flatMap(([key, en]) => {
          const text = messages.get(key);
          if (text === undefined) return [];
          if (/'[{}#]/.test(text)) return [`${key}: an apostrophe before {, } or # quotes it; use ’`];
          try {
            const [want, got] = [icuArguments(en), icuArguments(text)];
            return want.join() === got.join() ? [] : [`${key}: ${got.join()} instead of ${want.join()}`];
          } catch (error) {
            return [`${key}: ${(error as Error).message}`];
          }
        });
        expect(wrong).toEqual([]);
      });

      it("translates every sentence (a value of three words or more identical to English is left over)", () => {
        const untranslated = [...english]
          .filter(([key, en]) => messages.get(key) === en && wordCount(en) >= 3 && !SAME_EVERYWHERE.has(en))
          .map(([key]) => key);
        expect(untranslated).toEqual([]);
      });
    });
  }

  it("names every event type and group of the catalog, in the API's own English", () => {
    const catalog = groupedEventTypes();
    for (const group of EVENT_GROUPS) expect(english.get(`events.groups.${group.id}`)).toBe(group.label);
    for (const event of catalog.flatMap((g) => g.events)) {
      expect(english.get(`events.types.${event.type}.label`)).toBe(event.label);
      expect(english.get(`events.types.${event.type}.description`)).toBe(event.description);
    }
    const described = [...english.keys()].filter((k) => k.startsWith("events.types.") && k.endsWith(".label"));
    expect(described.length).toBe(EVENT_TYPES.length + 1);
    expect(english.has(`events.types.${HEALTH_CHECK_EVENT}.label`)).toBe(true);
  });
});
