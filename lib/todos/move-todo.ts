import { ApiError } from "../api/errors";
import { withEvents } from "../events/outbox";
import { projectAccess, todoAccess } from "../platform/access";
import { loadTodoValue } from "../platform/load-values";
import { after } from "../platform/positions";
import type { MoveTodoInput } from "../validations/todo";
import { nextTodoPosition } from "./todo-rules";

/**
 * Move a record to another list, possibly in another project (the caller must be able to change
 * records in both). Across projects, tags and custom field values (which belong to the old
 * project) are dropped, and so are assignees who are not members of the new one. The event
 * happens in both projects.
 */
export async function moveTodo(userId: string, id: string, input: MoveTodoInput) {
  return withEvents(userId, async (tx, emit) => {
    const from = await todoAccess(tx, userId, id, "edit_records");
    const list = await tx.todoList.findUnique({ where: { id: input.todoListId }, select: { projectId: true } });
    if (!list) throw ApiError.field("todoListId", "is not a list you can see");
    const to =
      list.projectId === from.projectId
        ? from
        : await projectAccess(tx, userId, list.projectId, "edit_records", "Target list").catch((error) => {
            if (error instanceof ApiError && error.code === "not_found")
              throw ApiError.field("todoListId", "is not a list you can see");
            throw error;
          });
    const before = await loadTodoValue(tx, id);
    if (before.todoList.id === input.todoListId && input.position === undefined) return before;
    if (to.projectId !== from.projectId) {
      await tx.todoTag.deleteMany({ where: { todoId: id } });
      await tx.todoCustomFieldValue.deleteMany({ where: { todoId: id } });
      await tx.todoAssignee.deleteMany({
        where: { todoId: id, user: { projectMemberships: { none: { projectId: to.projectId } } } },
      });
    }
    await tx.todo.update({
      where: { id },
      data: {
        projectId: to.projectId,
        todoListId: input.todoListId,
        position: input.position ?? after(await nextTodoPosition(tx, input.todoListId)),
      },
    });
    const moved = await loadTodoValue(tx, id);
    emit({
      type: "TODO_MOVED",
      companyId: to.companyId,
      projectId: to.projectId,
      projectIds: [...new Set([to.projectId, from.projectId])],
      previousValue: before,
      currentValue: moved,
    });
    return moved;
  });
}
