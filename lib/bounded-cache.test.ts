import { describe, expect, it } from "vitest";
import { BoundedCache } from "./bounded-cache";

describe("BoundedCache", () => {
  it("computes a value once per key", () => {
    const cache = new BoundedCache<number>(10);
    let calls = 0;
    const compute = () => ++calls;
    expect(cache.getOrCompute("a", compute)).toBe(1);
    expect(cache.getOrCompute("a", compute)).toBe(1);
    expect(cache.getOrCompute("b", compute)).toBe(2);
    expect(calls).toBe(2);
  });

  it("never holds more than its bound: when full it starts over", () => {
    const cache = new BoundedCache<string>(3);
    for (const k of ["a", "b", "c"]) cache.set(k, k.toUpperCase());
    expect(cache.size).toBe(3);
    cache.set("d", "D");
    expect(cache.size).toBe(1);
    expect(cache.get("a")).toBeUndefined();
    expect(cache.get("d")).toBe("D");
  });
});
