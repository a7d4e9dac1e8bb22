// Conditions evaluated over events already stored (the preview, and "send test" with a real
// event): the pure evaluator, given for comment and checklist events the record they are on as it
// is now, read for all of them in one query and only when a rule needs it.
import { db } from "../db";
import { loadTodoValuesById } from "../platform/load-values";
import type { Conditions } from "../validations/webhook-conditions";
import { conditionsNeedRecord, type Evaluation, evaluateConditions, type RecordState, recordStateOf } from "./evaluate";

export type StoredEvent = { type: string; todoId: string | null; previousValue: unknown; currentValue: unknown };

/** One evaluation per event, in order. No conditions: every event matches, with no rule results. */
export async function evaluateStoredEvents(conditions: Conditions, events: StoredEvent[]): Promise<Evaluation[]> {
  const needsRecord = (e: StoredEvent) => e.todoId !== null && conditionsNeedRecord(conditions, e.type);
  const todoIds = [...new Set(events.filter(needsRecord).map((e) => e.todoId as string))];
  const todos = todoIds.length > 0 ? await db().$transaction((tx) => loadTodoValuesById(tx, todoIds)) : [];
  const records = new Map<string, RecordState>(todos.map((todo) => [todo.id, recordStateOf(todo)]));
  return events.map((e) =>
    evaluateConditions(conditions, {
      type: e.type,
      data: { previousValue: e.previousValue, currentValue: e.currentValue },
      context: needsRecord(e) ? { record: records.get(e.todoId as string) ?? null } : undefined,
    }),
  );
}
