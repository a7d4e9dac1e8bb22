// Ordering by float positions: appending adds a gap, so a move between two neighbours can take
// their midpoint without renumbering the rest.
export const POSITION_GAP = 65_536;

export function after(maxPosition: number | null | undefined): number {
  return (maxPosition ?? 0) + POSITION_GAP;
}
