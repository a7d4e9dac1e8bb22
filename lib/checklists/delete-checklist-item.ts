import { withEvents } from "../events/outbox";
import { checklistItemAccess } from "../platform/access";
import { loadChecklistItemValue } from "../platform/load-values";

export async function deleteChecklistItem(userId: string, id: string) {
  await withEvents(userId, async (tx, emit) => {
    const access = await checklistItemAccess(tx, userId, id, "edit_records");
    const before = await loadChecklistItemValue(tx, id);
    await tx.checklistItem.delete({ where: { id } });
    emit({ type: "TODO_CHECKLIST_ITEM_DELETED", ...access, previousValue: before, currentValue: null });
  });
}
