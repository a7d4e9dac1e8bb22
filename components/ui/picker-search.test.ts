import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { countChosen, everyItemSelected, isGroupOpen, searchGroups, toggleShown } from "./picker-search";

const groups = [
  {
    id: "acme",
    title: "Acme Corp",
    items: [
      { id: "p1", label: "Website Relaunch" },
      { id: "p2", label: "Mobile App" },
    ],
  },
  {
    id: "globex",
    title: "Globex Logistics",
    items: [
      { id: "p3", label: "Fleet Tracking", detail: "FLEET" },
      { id: "p4", label: "Partner Portal" },
    ],
  },
];

describe("searchGroups", () => {
  it("shows every group whole, not narrowed, without a search", () => {
    const shown = searchGroups(groups, "  ");
    expect(shown.map((g) => [g.id, g.items.length, g.narrowed])).toEqual([
      ["acme", 2, false],
      ["globex", 2, false],
    ]);
  });

  it("keeps the matching items in any case and marks their group as narrowed", () => {
    const shown = searchGroups(groups, "fLeEt");
    expect(shown.map((g) => [g.id, g.items.map((i) => i.id), g.narrowed])).toEqual([["globex", ["p3"], true]]);
  });

  it("matches an item's detail", () => {
    expect(searchGroups(groups, "FLEET")[0].items.map((i) => i.id)).toEqual(["p3"]);
  });

  it("shows a whole group whose title matches, not narrowed", () => {
    const shown = searchGroups(groups, "acme");
    expect(shown.map((g) => [g.id, g.items.length, g.narrowed])).toEqual([["acme", 2, false]]);
  });

  it("shows nothing when nothing matches", () => {
    expect(searchGroups(groups, "zzz")).toEqual([]);
  });
});

describe("isGroupOpen", () => {
  it("opens small pickers' groups and closes them when toggled", () => {
    expect(isGroupOpen({ searching: false, itemCount: 4, collapseAbove: 30, toggled: false })).toBe(true);
    expect(isGroupOpen({ searching: false, itemCount: 4, collapseAbove: 30, toggled: true })).toBe(false);
  });

  it("starts large pickers' groups collapsed and opens them when toggled", () => {
    expect(isGroupOpen({ searching: false, itemCount: 500, collapseAbove: 30, toggled: false })).toBe(false);
    expect(isGroupOpen({ searching: false, itemCount: 500, collapseAbove: 30, toggled: true })).toBe(true);
  });

  it("shows every group during a search", () => {
    expect(isGroupOpen({ searching: true, itemCount: 500, collapseAbove: 30, toggled: false })).toBe(true);
    expect(isGroupOpen({ searching: true, itemCount: 4, collapseAbove: 30, toggled: true })).toBe(true);
  });
});

describe("everyItemSelected", () => {
  it("is true only when every item of every group is selected", () => {
    expect(everyItemSelected(groups, ["p1", "p2", "p3", "p4"])).toBe(true);
    expect(everyItemSelected(groups, ["p1", "p2", "p3"])).toBe(false);
  });

  it("is false for a picker without items", () => {
    expect(everyItemSelected([], [])).toBe(false);
  });
});

describe("toggleShown", () => {
  const ids = fc.uniqueArray(fc.constantFrom(...Array.from({ length: 40 }, (_, i) => `p${i}`)), { maxLength: 40 });

  it("ticking adds exactly the shown items, once each, after the ones already chosen", () => {
    fc.assert(
      fc.property(ids, ids, (selected, shown) => {
        const next = toggleShown(selected, shown, true);
        expect(next.slice(0, selected.length)).toEqual(selected);
        expect(new Set(next)).toEqual(new Set([...selected, ...shown]));
        expect(next.length).toBe(new Set(next).size);
      }),
    );
  });

  it("unticking removes exactly the shown items and keeps the others in order", () => {
    fc.assert(
      fc.property(ids, ids, (selected, shown) => {
        expect(toggleShown(selected, shown, false)).toEqual(selected.filter((id) => !shown.includes(id)));
      }),
    );
  });

  it("a group's select-all during a search takes exactly its matches, not the rest of the company", () => {
    const company = fc.record({
      id: fc.uuid(),
      title: fc.constantFrom("Acme", "Globex", "Initech"),
      items: fc.uniqueArray(
        fc.record({ id: fc.uuid(), label: fc.constantFrom("Alpha", "Beta", "Gamma", "alphabet", "Delta") }),
        { selector: (i) => i.id, maxLength: 30 },
      ),
    });
    fc.assert(
      fc.property(fc.array(company, { maxLength: 5 }), fc.constantFrom("alpha", "ta", "GAM", "x"), (groups, query) => {
        for (const group of searchGroups(groups, query)) {
          const picked = toggleShown(
            [],
            group.items.map((i) => i.id),
            true,
          );
          const original = groups.find((g) => g.id === group.id)!;
          const q = query.toLowerCase();
          const expected = original.items.filter(
            (i) => i.label.toLowerCase().includes(q) || original.title.toLowerCase().includes(q),
          );
          expect(picked).toEqual(expected.map((i) => i.id));
        }
      }),
    );
  });
});

describe("countChosen", () => {
  it("counts the ids that are selected", () => {
    expect(countChosen(["p1", "p2", "p3"], new Set(["p2", "p3", "p9"]))).toBe(2);
    expect(countChosen([], new Set(["p1"]))).toBe(0);
  });
});
