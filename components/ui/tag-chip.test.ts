import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { tagChipStyle } from "./tag-chip";

const hex = fc
  .tuple(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }))
  .map(([r, g, b]) => `#${[r, g, b].map((c) => c.toString(16).padStart(2, "0")).join("")}`);

function contrast(a: string, b: string) {
  const lum = (h: string) =>
    [0, 1, 2]
      .map((i) => Number.parseInt(h.slice(1 + 2 * i, 3 + 2 * i), 16) / 255)
      .map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4))
      .reduce((sum, c, i) => sum + c * [0.2126, 0.7152, 0.0722][i], 0);
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

describe("tagChipStyle", () => {
  it("keeps the tag's colour and puts dark text on pale colours, white on dark ones", () => {
    expect(tagChipStyle("#ffe066")).toEqual({ backgroundColor: "#ffe066", color: "#000000" });
    expect(tagChipStyle("#1a1a40").color).toBe("#ffffff");
  });

  it("always reaches the 4.5:1 contrast small text needs, with the better of the two text colours", () => {
    fc.assert(
      fc.property(hex, (color) => {
        const { color: text } = tagChipStyle(color);
        const best = Math.max(contrast(color, "#000000"), contrast(color, "#ffffff"));
        expect(contrast(color, text)).toBeCloseTo(best, 6);
        expect(contrast(color, text)).toBeGreaterThanOrEqual(4.5);
      }),
    );
  });
});
