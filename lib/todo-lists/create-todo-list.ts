import { withEvents } from "../events/outbox";
import { projectAccess } from "../platform/access";
import { loadTodoListValue } from "../platform/load-values";
import { after } from "../platform/positions";
import type { CreateTodoListInput } from "../validations/todo-list";

export async function createTodoList(userId: string, projectId: string, input: CreateTodoListInput) {
  return withEvents(userId, async (tx, emit) => {
    const access = await projectAccess(tx, userId, projectId, "manage_lists");
    const { _max } = await tx.todoList.aggregate({ where: { projectId }, _max: { position: true } });
    const list = await tx.todoList.create({
      data: { projectId, title: input.title, position: input.position ?? after(_max.position) },
    });
    const value = await loadTodoListValue(tx, list.id);
    emit({ type: "TODO_LIST_CREATED", ...access, previousValue: null, currentValue: value });
    return value;
  });
}
