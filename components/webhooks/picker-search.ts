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
