import type { z } from "zod";
import { withEvents } from "../events/outbox";
import { checklistAccess } from "../platform/access";
import { loadChecklistValue } from "../platform/load-values";
import type { updateChecklistSchema } from "../validations/checklist";

export async function updateChecklist(userId: string, id: string, input: z.infer<typeof updateChecklistSchema>) {
  return withEvents(userId, async (tx, emit) => {
    const access = await checklistAccess(tx, userId, id, "edit_records");
    const before = await loadChecklistValue(tx, id);
    await tx.checklist.update({ where: { id }, data: { title: input.title, position: input.position } });
    const current = await loadChecklistValue(tx, id);
    if (before.title !== current.title) {
      emit({ type: "TODO_CHECKLIST_NAME_CHANGED", ...access, previousValue: before, currentValue: current });
    }
    return current;
  });
}
