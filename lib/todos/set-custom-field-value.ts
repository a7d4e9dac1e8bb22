import { ApiError } from "../api/errors";
import { parseCustomFieldValue } from "../custom-fields/custom-field-value";
import { withEvents } from "../events/outbox";
import type { Prisma } from "../generated/prisma/client";
import { todoAccess } from "../platform/access";
import { loadTodoValue } from "../platform/load-values";

/** Set or clear (value: null) a record's value for one of its project's custom fields. */
export async function setCustomFieldValue(userId: string, todoId: string, customFieldId: string, raw: unknown) {
  return withEvents(userId, async (tx, emit) => {
    const access = await todoAccess(tx, userId, todoId, "edit_records");
    const field = await tx.customField.findUnique({ where: { id: customFieldId } });
    if (!field || field.projectId !== access.projectId) throw ApiError.notFound("Custom field");
    const value = parseCustomFieldValue(field, raw);
    const before = await loadTodoValue(tx, todoId);
    const key = { todoId_customFieldId: { todoId, customFieldId } };
    if (value === null) await tx.todoCustomFieldValue.deleteMany({ where: { todoId, customFieldId } });
    else {
      const json = value as Prisma.InputJsonValue;
      await tx.todoCustomFieldValue.upsert({
        where: key,
        create: { todoId, customFieldId, value: json },
        update: { value: json },
      });
    }
    const after = await loadTodoValue(tx, todoId);
    if (JSON.stringify(before.customFields) !== JSON.stringify(after.customFields)) {
      await tx.todo.update({ where: { id: todoId }, data: { updatedAt: new Date() } });
      const current = await loadTodoValue(tx, todoId);
      emit({ type: "TODO_CUSTOM_FIELD_UPDATED", ...access, previousValue: before, currentValue: current });
      return current;
    }
    return after;
  });
}
