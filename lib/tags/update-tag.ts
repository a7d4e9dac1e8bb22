import { withEvents } from "../events/outbox";
import { tagAccess } from "../platform/access";
import { loadTagValue } from "../platform/load-values";
import type { UpdateTagInput } from "../validations/tag";

export async function updateTag(userId: string, id: string, input: UpdateTagInput) {
  return withEvents(userId, async (tx, emit) => {
    const access = await tagAccess(tx, userId, id, "manage_tags");
    const before = await loadTagValue(tx, id);
    await tx.tag.update({ where: { id }, data: { title: input.title, color: input.color?.toLowerCase() } });
    const current = await loadTagValue(tx, id);
    if (before.title !== current.title || before.color !== current.color) {
      emit({ type: "TAG_UPDATED", ...access, previousValue: before, currentValue: current });
    }
    return current;
  });
}
