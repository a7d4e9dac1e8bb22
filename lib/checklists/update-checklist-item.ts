import type { EventType } from "../events/catalog";
import { withEvents } from "../events/outbox";
import type { ChecklistItemValue } from "../events/values";
import { checklistItemAccess, requireMembers } from "../platform/access";
import { loadChecklistItemValue } from "../platform/load-values";
import { dueDateEvent, setDifference } from "../todos/todo-change-events";
import type { UpdateChecklistItemInput } from "../validations/checklist";

const DUE_EVENTS = {
  TODO_DUE_DATE_ADDED: "TODO_CHECKLIST_ITEM_DUE_DATE_ADDED",
  TODO_DUE_DATE_UPDATED: "TODO_CHECKLIST_ITEM_DUE_DATE_UPDATED",
  TODO_DUE_DATE_REMOVED: "TODO_CHECKLIST_ITEM_DUE_DATE_REMOVED",
} as const;

export function checklistItemChangeEvents(before: ChecklistItemValue, after: ChecklistItemValue): EventType[] {
  const events: EventType[] = [];
  if (before.title !== after.title) events.push("TODO_CHECKLIST_ITEM_NAME_CHANGED");
  if (before.done !== after.done) events.push("TODO_CHECKLIST_ITEM_DONE_STATUS_UPDATED");
  const due = dueDateEvent(before.duedAt, after.duedAt);
  if (due) events.push(DUE_EVENTS[due as keyof typeof DUE_EVENTS]);
  const { added, removed } = setDifference(before.assignees, after.assignees);
  events.push(...added.map(() => "TODO_CHECKLIST_ITEM_ASSIGNEE_ADDED" as const));
  events.push(...removed.map(() => "TODO_CHECKLIST_ITEM_ASSIGNEE_REMOVED" as const));
  return events;
}

export async function updateChecklistItem(userId: string, id: string, input: UpdateChecklistItemInput) {
  return withEvents(userId, async (tx, emit) => {
    const access = await checklistItemAccess(tx, userId, id, "edit_records");
    const before = await loadChecklistItemValue(tx, id);
    if (input.assigneeIds) {
      await requireMembers(tx, access.projectId, input.assigneeIds, "assigneeIds");
      const { added, removed } = setDifference(
        before.assignees,
        input.assigneeIds.map((userId) => ({ id: userId })),
      );
      await tx.checklistItemAssignee.deleteMany({ where: { checklistItemId: id, userId: { in: removed } } });
      await tx.checklistItemAssignee.createMany({ data: added.map((userId) => ({ checklistItemId: id, userId })) });
    }
    await tx.checklistItem.update({
      where: { id },
      data: {
        title: input.title,
        done: input.done,
        duedAt: input.duedAt,
        position: input.position,
        updatedAt: new Date(),
      },
    });
    const after = await loadChecklistItemValue(tx, id);
    for (const type of checklistItemChangeEvents(before, after)) {
      emit({ type, ...access, previousValue: before, currentValue: after });
    }
    return after;
  });
}
