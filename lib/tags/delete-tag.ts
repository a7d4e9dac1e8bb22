import { withEvents } from "../events/outbox";
import { tagAccess } from "../platform/access";
import { loadTagValue } from "../platform/load-values";

/** Delete a tag; it disappears from every record that had it. */
export async function deleteTag(userId: string, id: string) {
  await withEvents(userId, async (tx, emit) => {
    const access = await tagAccess(tx, userId, id, "manage_tags");
    const before = await loadTagValue(tx, id);
    await tx.tag.delete({ where: { id } });
    emit({ type: "TAG_DELETED", ...access, previousValue: before, currentValue: null });
  });
}
