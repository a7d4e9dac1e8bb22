import { withEvents } from "../events/outbox";
import { projectAccess, requireMembers } from "../platform/access";
import { loadTodoValue } from "../platform/load-values";
import { after } from "../platform/positions";
import type { CreateTodoInput } from "../validations/todo";
import { checkDateOrder, nextTodoPosition, requireProjectList, requireProjectTags } from "./todo-rules";

export async function createTodo(userId: string, projectId: string, input: CreateTodoInput) {
  return withEvents(userId, async (tx, emit) => {
    const access = await projectAccess(tx, userId, projectId, "edit_records");
    await requireProjectList(tx, projectId, input.todoListId);
    checkDateOrder(input.startedAt, input.duedAt);
    await requireMembers(tx, projectId, input.assigneeIds ?? [], "assigneeIds");
    await requireProjectTags(tx, projectId, input.tagIds ?? []);
    const todo = await tx.todo.create({
      data: {
        projectId,
        todoListId: input.todoListId,
        title: input.title,
        text: input.text ?? "",
        startedAt: input.startedAt ?? null,
        duedAt: input.duedAt ?? null,
        position: input.position ?? after(await nextTodoPosition(tx, input.todoListId)),
        createdById: userId,
        assignees: { create: (input.assigneeIds ?? []).map((id) => ({ userId: id })) },
        tags: { create: (input.tagIds ?? []).map((id) => ({ tagId: id })) },
      },
    });
    const value = await loadTodoValue(tx, todo.id);
    emit({ type: "TODO_CREATED", ...access, previousValue: null, currentValue: value });
    return value;
  });
}
