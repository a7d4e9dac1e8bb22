// Durations and instants as the SDK writes them into `Sleep` ops (the value sits in `name`).

const UNIT_MS: Record<string, number> = {
  ms: 1,
  s: 1_000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
};

/** "1w2d3h4m5s", "1.5h", "500ms" → milliseconds; undefined when the text is not such a duration. */
export function parseDurationMs(text: string): number | undefined {
  const value = text.trim();
  if (!value) return undefined;
  const part = /(\d+(?:\.\d+)?)(ms|w|d|h|m|s)/y;
  let total = 0;
  let index = 0;
  while (index < value.length) {
    part.lastIndex = index;
    const match = part.exec(value);
    if (!match) return undefined;
    total += Number(match[1]) * UNIT_MS[match[2]];
    index = part.lastIndex;
  }
  return total;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T|$)/;

/**
 * When a `Sleep` op should wake: `step.sleep` sends a duration, `step.sleepUntil` an ISO-8601
 * instant. Throws on anything else so the run fails with a clear message instead of hanging.
 */
export function sleepUntilMs(name: string, now: number): number {
  const trimmed = name.trim();
  if (ISO_DATE.test(trimmed)) {
    const at = Date.parse(trimmed);
    if (Number.isFinite(at)) return Math.max(now, at);
  }
  const duration = parseDurationMs(trimmed);
  if (duration === undefined) throw new Error(`invalid sleep duration or date: ${JSON.stringify(name)}`);
  return now + duration;
}
