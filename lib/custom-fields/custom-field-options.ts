import { randomBytes } from "node:crypto";

type OptionInput = { id?: string; title: string; color?: string | null };

/** Options keep the ids they were sent with (so record values stay valid); new ones get one. */
export function normaliseOptions(options: OptionInput[] | undefined) {
  return (options ?? []).map((o) => ({
    id: o.id ?? `opt_${randomBytes(6).toString("hex")}`,
    title: o.title,
    color: o.color?.toLowerCase() ?? null,
  }));
}
