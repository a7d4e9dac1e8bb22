import { describe, expect, it } from "vitest";
import { mapBounded } from "./bounded";

describe("mapBounded", () => {
  it("keeps order, and never exceeds the overall or per-key limits", async () => {
    const items = Array.from({ length: 40 }, (_, i) => ({ i, key: `k${i % 3}` }));
    let overall = 0;
    let maxOverall = 0;
    const perKey = new Map<string, number>();
    let maxPerKey = 0;
    const out = await mapBounded(items, { limit: 5, perKey: 2, key: (x) => x.key }, async (x) => {
      overall++;
      perKey.set(x.key, (perKey.get(x.key) ?? 0) + 1);
      maxOverall = Math.max(maxOverall, overall);
      maxPerKey = Math.max(maxPerKey, perKey.get(x.key)!);
      await new Promise((r) => setImmediate(r));
      overall--;
      perKey.set(x.key, perKey.get(x.key)! - 1);
      return x.i * 2;
    });
    expect(out).toEqual(items.map((x) => x.i * 2));
    expect(maxOverall).toBeLessThanOrEqual(5);
    expect(maxPerKey).toBe(2);
  });

  it("handles an empty list", async () => {
    expect(await mapBounded([], { limit: 2, perKey: 1, key: String }, async (x) => x)).toEqual([]);
  });
});
