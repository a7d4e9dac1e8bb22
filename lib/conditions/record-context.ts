// The state of records as rules read it, for events that do not carry it (comments, checklists):
// one query for any number of records (the fan-out reads one, the preview many).
import { pool } from "../db";
import type { RecordState } from "./evaluate";

type Row = {
  id: string;
  listId: string;
  title: string;
  done: boolean;
  dueDate: Date | null;
  tagIds: string[];
  assigneeIds: string[];
  customFields: Record<string, unknown> | null;
};

/** Record id → its state now; a record deleted since is absent. */
export async function loadRecordStates(todoIds: string[]): Promise<Map<string, RecordState>> {
  if (todoIds.length === 0) return new Map();
  const { rows } = await pool().query<Row>(
    `SELECT t.id, t.todo_list_id AS "listId", t.title, t.done, t.dued_at AT TIME ZONE 'UTC' AS "dueDate",
            ARRAY(SELECT tag_id FROM todo_tags WHERE todo_id = t.id) AS "tagIds",
            ARRAY(SELECT user_id FROM todo_assignees WHERE todo_id = t.id) AS "assigneeIds",
            (SELECT jsonb_object_agg(custom_field_id, value) FROM todo_custom_field_values WHERE todo_id = t.id)
              AS "customFields"
       FROM todos t WHERE t.id = ANY($1::text[])`,
    [[...new Set(todoIds)]],
  );
  return new Map(
    rows.map((r) => [
      r.id,
      {
        listId: r.listId,
        title: r.title,
        done: r.done,
        dueDate: r.dueDate?.toISOString() ?? null,
        tagIds: r.tagIds,
        assigneeIds: r.assigneeIds,
        customFields: r.customFields ?? {},
      },
    ]),
  );
}
