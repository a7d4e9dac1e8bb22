import { withEvents } from "../events/outbox";
import { todoListAccess } from "../platform/access";
import { loadTodoListValue, todoValueInclude, toTodoValue } from "../platform/load-values";

/** Delete a list and its records: TODO_DELETED for each record, then TODO_LIST_DELETED. */
export async function deleteTodoList(userId: string, id: string) {
  await withEvents(userId, async (tx, emit) => {
    const access = await todoListAccess(tx, userId, id, "manage_lists");
    const before = await loadTodoListValue(tx, id);
    const todos = await tx.todo.findMany({
      where: { todoListId: id },
      include: todoValueInclude,
      orderBy: { position: "asc" },
    });
    await tx.todoList.delete({ where: { id } });
    for (const todo of todos) {
      emit({ type: "TODO_DELETED", ...access, previousValue: toTodoValue(todo), currentValue: null });
    }
    emit({ type: "TODO_LIST_DELETED", ...access, previousValue: before, currentValue: null });
  });
}
