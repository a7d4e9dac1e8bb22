export type SearchOption = { value: string; label: string; group?: string };

/**
 * The options a search-select lists for `query`: those whose label or group holds it (any case,
 * surrounding spaces ignored), in their order, at most `limit` of them; `more` counts the matches
 * left out, so the list can say that typing narrows it.
 */
export function matchOptions(options: SearchOption[], query: string, limit: number) {
  const q = query.trim().toLocaleLowerCase();
  const matches = q
    ? options.filter(
        (o) => o.label.toLocaleLowerCase().includes(q) || (o.group?.toLocaleLowerCase().includes(q) ?? false),
      )
    : options;
  return { shown: matches.slice(0, limit), more: Math.max(0, matches.length - limit) };
}

/** The option an arrow key moves to in a list of `length`: wraps around at either end. */
export function stepIndex(current: number, step: 1 | -1, length: number) {
  if (length === 0) return -1;
  if (current < 0) return step === 1 ? 0 : length - 1;
  return (current + step + length) % length;
}
