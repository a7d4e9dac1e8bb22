// A small in-process cache for values that are costly to derive and never change for a key
// (decrypted secrets, parsed URLs, decoded sessions). Bounded: when full it starts over, which
// keeps memory flat without tracking recency; the keys in use come back on the next miss.
export class BoundedCache<V> {
  private readonly entries = new Map<string, V>();

  constructor(private readonly max: number) {}

  get(key: string): V | undefined {
    return this.entries.get(key);
  }

  set(key: string, value: V): void {
    if (this.entries.size >= this.max) this.entries.clear();
    this.entries.set(key, value);
  }

  /** The cached value for `key`, computed and kept on a miss. */
  getOrCompute(key: string, compute: () => V): V {
    let value = this.entries.get(key);
    if (value === undefined) {
      value = compute();
      this.set(key, value);
    }
    return value;
  }

  get size(): number {
    return this.entries.size;
  }
}
