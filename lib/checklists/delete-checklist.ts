import { withEvents } from "../events/outbox";
import { checklistAccess } from "../platform/access";
import { loadChecklistValue } from "../platform/load-values";

export async function deleteChecklist(userId: string, id: string) {
  await withEvents(userId, async (tx, emit) => {
    const access = await checklistAccess(tx, userId, id, "edit_records");
    const before = await loadChecklistValue(tx, id);
    await tx.checklist.delete({ where: { id } });
    emit({ type: "TODO_CHECKLIST_DELETED", ...access, previousValue: before, currentValue: null });
  });
}
