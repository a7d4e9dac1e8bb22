import { withEvents } from "../events/outbox";
import { todoListAccess } from "../platform/access";
import { loadTodoListValue } from "../platform/load-values";
import type { UpdateTodoListInput } from "../validations/todo-list";

/** Rename (TODO_LIST_NAME_CHANGED) or reorder (no Blue event) a list. */
export async function updateTodoList(userId: string, id: string, input: UpdateTodoListInput) {
  return withEvents(userId, async (tx, emit) => {
    const access = await todoListAccess(tx, userId, id, "manage_lists");
    const before = await loadTodoListValue(tx, id);
    await tx.todoList.update({ where: { id }, data: { title: input.title, position: input.position } });
    const current = await loadTodoListValue(tx, id);
    if (before.title !== current.title) {
      emit({ type: "TODO_LIST_NAME_CHANGED", ...access, previousValue: before, currentValue: current });
    }
    return current;
  });
}
