import { withEvents } from "../events/outbox";
import { projectAccess, requireMembers } from "../platform/access";
import { loadTodoValue } from "../platform/load-values";
import { after } from "../platform/positions";
import type { CreateTodoInput } from "../validations/todo";
import { checkDateOrder, requireProjectList, requireProjectTags } from "./todo-rules";

export async function createTodo(userId: string, projectId: string, input: CreateTodoInput) {
  return withEvents(userId, async (tx, emit) => {
    const access = await projectAccess(tx, userId, projectId, "edit_records");
    const lastPosition = await requireProjectList(tx, projectId, input.todoListId);
    checkDateOrder(input.startedAt, input.duedAt);
    await requireMembers(tx, projectId, input.assigneeIds ?? [], "assigneeIds");
    await requireProjectTags(tx, projectId, input.tagIds ?? []);
    const { id } = await tx.todo.create({
      data: {
        projectId,
        todoListId: input.todoListId,
        title: input.title,
        text: input.text ?? "",
        startedAt: input.startedAt ?? null,
        duedAt: input.duedAt ?? null,
        position: input.position ?? after(lastPosition),
        createdById: userId,
      },
      select: { id: true },
    });
    if (input.assigneeIds?.length) {
      await tx.todoAssignee.createMany({ data: input.assigneeIds.map((userId) => ({ todoId: id, userId })) });
    }
    if (input.tagIds?.length) {
      await tx.todoTag.createMany({ data: input.tagIds.map((tagId) => ({ todoId: id, tagId })) });
    }
    const value = await loadTodoValue(tx, id);
    emit({ type: "TODO_CREATED", ...access, previousValue: null, currentValue: value });
    return value;
  });
}
