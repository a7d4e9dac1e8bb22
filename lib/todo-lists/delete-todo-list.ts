import { withEvents } from "../events/outbox";
import { todoListAccess } from "../platform/access";
import { loadListTodoValues, loadTodoListValue } from "../platform/load-values";

/** Delete a list and its records: TODO_DELETED for each record, then TODO_LIST_DELETED. */
export async function deleteTodoList(userId: string, id: string) {
  await withEvents(userId, async (tx, emit) => {
    const access = await todoListAccess(tx, userId, id, "manage_lists");
    const before = await loadTodoListValue(tx, id);
    const todos = await loadListTodoValues(tx, id);
    await tx.todoList.delete({ where: { id } });
    for (const todo of todos) {
      emit({ type: "TODO_DELETED", ...access, previousValue: todo, currentValue: null });
    }
    emit({ type: "TODO_LIST_DELETED", ...access, previousValue: before, currentValue: null });
  });
}
