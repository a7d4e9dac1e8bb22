/** The ids with `id` added when it was missing, removed when it was there; the others keep their order. */
export const toggleId = (ids: readonly string[], id: string) =>
  ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id];
