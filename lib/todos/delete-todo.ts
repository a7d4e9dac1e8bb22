import { withEvents } from "../events/outbox";
import { todoAccess } from "../platform/access";
import { loadTodoValue } from "../platform/load-values";

export async function deleteTodo(userId: string, id: string) {
  await withEvents(userId, async (tx, emit) => {
    const access = await todoAccess(tx, userId, id, "edit_records");
    const before = await loadTodoValue(tx, id);
    await tx.todo.delete({ where: { id } });
    emit({ type: "TODO_DELETED", ...access, previousValue: before, currentValue: null });
  });
}
