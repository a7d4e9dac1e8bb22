import { withEvents } from "../events/outbox";
import { checklistAccess, requireMembers } from "../platform/access";
import { loadChecklistItemValue } from "../platform/load-values";
import { after } from "../platform/positions";
import type { CreateChecklistItemInput } from "../validations/checklist";

export async function createChecklistItem(userId: string, checklistId: string, input: CreateChecklistItemInput) {
  return withEvents(userId, async (tx, emit) => {
    const access = await checklistAccess(tx, userId, checklistId, "edit_records");
    await requireMembers(tx, access.projectId, input.assigneeIds ?? [], "assigneeIds");
    const { _max } = await tx.checklistItem.aggregate({ where: { checklistId }, _max: { position: true } });
    const item = await tx.checklistItem.create({
      data: {
        checklistId,
        title: input.title,
        duedAt: input.duedAt ?? null,
        position: input.position ?? after(_max.position),
        assignees: { create: (input.assigneeIds ?? []).map((id) => ({ userId: id })) },
      },
    });
    const value = await loadChecklistItemValue(tx, item.id);
    emit({ type: "TODO_CHECKLIST_ITEM_CREATED", ...access, previousValue: null, currentValue: value });
    return value;
  });
}
