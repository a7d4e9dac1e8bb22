import type { z } from "zod";
import { withEvents } from "../events/outbox";
import { todoAccess } from "../platform/access";
import { loadChecklistValue } from "../platform/load-values";
import { after } from "../platform/positions";
import type { createChecklistSchema } from "../validations/checklist";

export async function createChecklist(userId: string, todoId: string, input: z.infer<typeof createChecklistSchema>) {
  return withEvents(userId, async (tx, emit) => {
    const access = await todoAccess(tx, userId, todoId, "edit_records");
    const { _max } = await tx.checklist.aggregate({ where: { todoId }, _max: { position: true } });
    const checklist = await tx.checklist.create({
      data: { todoId, title: input.title, position: input.position ?? after(_max.position) },
    });
    const value = await loadChecklistValue(tx, checklist.id);
    emit({ type: "TODO_CHECKLIST_CREATED", ...access, previousValue: null, currentValue: value });
    return value;
  });
}
