import { withEvents } from "../events/outbox";
import { requireMembers, todoAccess } from "../platform/access";
import { loadTodoValue } from "../platform/load-values";
import type { UpdateTodoInput } from "../validations/todo";
import { setDifference, todoChangeEvents } from "./todo-change-events";
import { checkDateOrder, requireProjectTags } from "./todo-rules";

/** Change a record; emits one event per Blue type the change touches. */
export async function updateTodo(userId: string, id: string, input: UpdateTodoInput) {
  return withEvents(userId, async (tx, emit) => {
    const access = await todoAccess(tx, userId, id, "edit_records");
    const before = await loadTodoValue(tx, id);
    const asDate = (iso: string | null) => (iso ? new Date(iso) : null);
    checkDateOrder(
      input.startedAt !== undefined ? input.startedAt : asDate(before.startedAt),
      input.duedAt !== undefined ? input.duedAt : asDate(before.duedAt),
    );
    if (input.assigneeIds) {
      await requireMembers(tx, access.projectId, input.assigneeIds, "assigneeIds");
      const { added, removed } = setDifference(
        before.assignees,
        input.assigneeIds.map((userId) => ({ id: userId })),
      );
      await tx.todoAssignee.deleteMany({ where: { todoId: id, userId: { in: removed } } });
      await tx.todoAssignee.createMany({ data: added.map((userId) => ({ todoId: id, userId })) });
    }
    if (input.tagIds) {
      await requireProjectTags(tx, access.projectId, input.tagIds);
      const { added, removed } = setDifference(
        before.tags,
        input.tagIds.map((tagId) => ({ id: tagId })),
      );
      await tx.todoTag.deleteMany({ where: { todoId: id, tagId: { in: removed } } });
      await tx.todoTag.createMany({ data: added.map((tagId) => ({ todoId: id, tagId })) });
    }
    await tx.todo.update({
      where: { id },
      data: {
        title: input.title,
        text: input.text,
        startedAt: input.startedAt,
        duedAt: input.duedAt,
        done: input.done,
        archived: input.archived,
        position: input.position,
        updatedAt: new Date(),
      },
    });
    const after = await loadTodoValue(tx, id);
    for (const { type } of todoChangeEvents(before, after)) {
      emit({ type, ...access, previousValue: before, currentValue: after });
    }
    return after;
  });
}
