import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { toggleId } from "./toggle-id";

const ids = fc.uniqueArray(fc.string({ minLength: 1, maxLength: 4 }), { maxLength: 8 });

describe("toggleId", () => {
  it("adds a missing id at the end and removes a present one", () => {
    expect(toggleId(["a", "b"], "c")).toEqual(["a", "b", "c"]);
    expect(toggleId(["a", "b", "c"], "b")).toEqual(["a", "c"]);
  });

  it("flips only the toggled id, and toggling twice gives the same set back", () => {
    fc.assert(
      fc.property(ids, fc.string({ minLength: 1, maxLength: 4 }), (list, id) => {
        const once = toggleId(list, id);
        expect(once.includes(id)).toBe(!list.includes(id));
        expect(once.filter((x) => x !== id)).toEqual(list.filter((x) => x !== id));
        expect(new Set(toggleId(once, id))).toEqual(new Set(list));
      }),
    );
  });
});
