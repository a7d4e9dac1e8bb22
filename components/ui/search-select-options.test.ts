import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { matchOptions, stepIndex } from "./search-select-options";

const projects = Array.from({ length: 500 }, (_, i) => ({
  value: `p${i}`,
  label: `Project ${String(i + 1).padStart(3, "0")}`,
  group: `Company ${(i % 5) + 1}`,
}));

describe("matchOptions", () => {
  it("lists the first ones and counts the rest when nothing is typed", () => {
    const { shown, more } = matchOptions(projects, "  ", 50);
    expect(shown.map((o) => o.value)).toEqual(projects.slice(0, 50).map((o) => o.value));
    expect(more).toBe(450);
  });

  it("finds a project by any part of its name, in any case", () => {
    expect(matchOptions(projects, " project 007 ", 50)).toEqual({ shown: [projects[6]], more: 0 });
  });

  it("finds every project of a company by the company's name", () => {
    const { shown, more } = matchOptions(projects, "company 3", 1000);
    expect(more).toBe(0);
    expect(shown).toHaveLength(100);
    expect(shown.every((o) => o.group === "Company 3")).toBe(true);
  });

  it("shows matches in their order, at most the limit, and counts every match exactly once", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 4 }), fc.integer({ min: 1, max: 600 }), (query, limit) => {
        const { shown, more } = matchOptions(projects, query, limit);
        const q = query.trim().toLocaleLowerCase();
        const all = projects.filter(
          (o) => o.label.toLocaleLowerCase().includes(q) || o.group.toLocaleLowerCase().includes(q),
        );
        expect(shown).toEqual(all.slice(0, limit));
        expect(shown.length + more).toBe(all.length);
      }),
    );
  });
});

describe("stepIndex", () => {
  it("starts at the first option going down and at the last going up", () => {
    expect(stepIndex(-1, 1, 5)).toBe(0);
    expect(stepIndex(-1, -1, 5)).toBe(4);
  });

  it("wraps around at either end and stays inside the list", () => {
    expect(stepIndex(4, 1, 5)).toBe(0);
    expect(stepIndex(0, -1, 5)).toBe(4);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100 }), fc.nat(), fc.constantFrom<1 | -1>(1, -1), (length, at, step) => {
        const next = stepIndex(at % length, step, length);
        expect(next).toBeGreaterThanOrEqual(0);
        expect(next).toBeLessThan(length);
        expect(next).toBe(((((at % length) + step) % length) + length) % length);
      }),
    );
  });

  it("has nothing to move to in an empty list", () => {
    expect(stepIndex(-1, 1, 0)).toBe(-1);
  });
});
