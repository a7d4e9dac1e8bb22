// Run tasks with at most `limit` in flight overall and `perKey` per key (per endpoint).
export async function mapBounded<T, R>(
  items: T[],
  opts: { limit: number; perKey: number; key: (item: T) => string },
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  const running = new Map<string, number>();
  const waiting = items.map((item, index) => ({ item, index }));
  let inFlight = 0;
  return new Promise((resolve, reject) => {
    const pump = () => {
      if (waiting.length === 0 && inFlight === 0) return resolve(results);
      for (let i = 0; i < waiting.length && inFlight < opts.limit; ) {
        const { item, index } = waiting[i];
        const key = opts.key(item);
        if ((running.get(key) ?? 0) >= opts.perKey) {
          i++;
          continue;
        }
        waiting.splice(i, 1);
        inFlight++;
        running.set(key, (running.get(key) ?? 0) + 1);
        fn(item).then((result) => {
          results[index] = result;
          inFlight--;
          running.set(key, (running.get(key) ?? 1) - 1);
          pump();
        }, reject);
      }
    };
    pump();
  });
}
