type SearchableGroup = { title: string; items: { id: string; label: string; detail?: string }[] };

/**
 * The groups a search shows, with the items it matches (label, detail or the group's title, in any
 * case); `narrowed` marks a group the search took items from, whose select-all covers only the rest.
 */
export function searchGroups<G extends SearchableGroup>(groups: G[], query: string) {
  const q = query.trim().toLowerCase();
  const matches = (text: string | undefined) => text?.toLowerCase().includes(q) ?? false;
  return groups
    .map((g) => {
      const items = q ? g.items.filter((i) => matches(i.label) || matches(i.detail) || matches(g.title)) : g.items;
      return { ...g, items, narrowed: items.length < g.items.length };
    })
    .filter((g) => g.items.length > 0);
}

/**
 * Whether a group shows its items: always during a search; otherwise groups start collapsed when
 * the picker holds more than `collapseAbove` items, and toggling a group flips that default.
 */
export function isGroupOpen(opts: { searching: boolean; itemCount: number; collapseAbove: number; toggled: boolean }) {
  if (opts.searching) return true;
  const startsCollapsed = opts.itemCount > opts.collapseAbove;
  return startsCollapsed === opts.toggled;
}

/** Whether every item of every group is selected (and there is at least one). */
export function everyItemSelected(groups: SearchableGroup[], selected: string[]) {
  const chosen = new Set(selected);
  const ids = groups.flatMap((g) => g.items.map((i) => i.id));
  return ids.length > 0 && ids.every((id) => chosen.has(id));
}

/**
 * A group's select-all applied to the items it shows: ticking adds exactly those (a search's
 * matches, not the rest of the group), unticking removes exactly those; everything else chosen
 * stays, in its order.
 */
export function toggleShown(selected: string[], shown: string[], tick: boolean) {
  if (tick) {
    const chosen = new Set(selected);
    const result = [...selected];
    for (const id of shown) {
      if (chosen.has(id)) continue;
      chosen.add(id);
      result.push(id);
    }
    return result;
  }
  const hidden = new Set(shown);
  return selected.filter((id) => !hidden.has(id));
}

/** How many of `ids` are chosen: a group's "3/100" and the state of its select-all box. */
export function countChosen(ids: string[], selected: ReadonlySet<string>) {
  return ids.reduce((n, id) => (selected.has(id) ? n + 1 : n), 0);
}
