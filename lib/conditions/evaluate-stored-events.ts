// Conditions evaluated over events already stored (the preview, and "send test" with a real
// event), through the pure evaluator. A payload is read only when a rule reads a field its event
// carries: otherwise no rule holds whatever it says. And only the values rules read leave
// PostgreSQL, picked out of the payload with jsonb operators (a record's list id, the ids of a
// comment's author…), each only when a rule reads it: whole payloads are some 1 KB each, and
// moving and parsing 10,000 of them was most of a preview. A record's tags, assignees and custom
// fields come as their ids (and values) only, and become the record state the evaluator reads
// (payloadWithState); the rest is put back in the payload's own shape, as much as it reads. The
// events are read in chunks on parallel connections, each evaluated while the next is still read. Comment and checklist
// events get the record they are on as it is now, read once per chunk and only when a rule needs it.
import { pool } from "../db";
import { isEventType } from "../events/catalog";
import { type Conditions, rulesWithPaths } from "../validations/webhook-conditions";
import { conditionsNeedRecord, type Evaluation, evaluateConditions, payloadWithState } from "./evaluate";
import { eventCarriesField, type FieldKey } from "./fields";
import { loadRecordStates } from "./record-context";

export type StoredEvent = { id: string; type: string; todoId: string | null };

const PAYLOAD_CHUNK = 2_500;

/**
 * The values of a payload that rules can read, each with the rule fields that read it and how
 * PostgreSQL picks it out: a record's list id, title, done, due date, tags, assignees and custom
 * fields, a comment's author id, and the list id and title of the record a comment, checklist or
 * checklist item is on (its `todo`, or its checklist's).
 */
const VALUES = [
  { name: "list", readBy: "record.", sql: (c: string) => `${c} #>> '{todoList,id}'` },
  { name: "title", readBy: "record.title", sql: (c: string) => `${c} -> 'title'` },
  { name: "done", readBy: ["record.done", "checklistItem.done"], sql: (c: string) => `${c} -> 'done'` },
  { name: "duedAt", readBy: "record.dueDate", sql: (c: string) => `${c} -> 'duedAt'` },
  { name: "tags", readBy: "record.tags", sql: (c: string) => `jsonb_path_query_array(${c}, '$.tags[*].id')` },
  {
    name: "assignees",
    readBy: "record.assignees",
    sql: (c: string) => `jsonb_path_query_array(${c}, '$.assignees[*].id')`,
  },
  {
    name: "customFields",
    readBy: "record.customField",
    // Field id → value (JSON null for a value that is null; a field without one is left out, as
    // recordStateOf leaves it undefined), the last of an id winning as in recordStateOf; NULL when
    // the record has none.
    sql: (c: string) =>
      `(SELECT jsonb_object_agg(f #>> '{customField,id}', f -> 'value')
                 FILTER (WHERE f ? 'value' AND f #>> '{customField,id}' IS NOT NULL)
          FROM jsonb_array_elements(CASE jsonb_typeof(${c} -> 'customFields') WHEN 'array' THEN ${c} -> 'customFields'
                                    ELSE '[]' END) f)`,
  },
  { name: "author", readBy: "comment.author", sql: (c: string) => `${c} #>> '{author,id}'` },
  {
    name: "refList",
    readBy: "record.",
    sql: (c: string) => `coalesce(${c} #>> '{todo,todoList,id}', ${c} #>> '{checklist,todo,todoList,id}')`,
  },
  {
    name: "refTitle",
    readBy: "record.",
    sql: (c: string) => `coalesce(${c} #>> '{todo,title}', ${c} #>> '{checklist,todo,title}')`,
  },
] as const;
type ValueName = (typeof VALUES)[number]["name"];

const readsValue = (fields: FieldKey[], readBy: string | readonly string[]) =>
  fields.some((field) => (typeof readBy === "string" ? field.startsWith(readBy) : readBy.includes(field)));

/**
 * The query that reads, of these events ($1), only the values the conditions' rules read, before
 * and after: each row is [id, kind before, kind after, ...values before, ...values after].
 */
export function payloadValuesQuery(conditions: Conditions): { text: string; names: ValueName[] } {
  const fields = conditions ? rulesWithPaths(conditions).map(({ rule }) => rule.field) : [];
  const values = VALUES.filter((v) => readsValue(fields, v.readBy));
  const side = (column: string) => values.map((v) => `, ${v.sql(column)}`).join("");
  return {
    text: `SELECT id, jsonb_typeof(previous_value), jsonb_typeof(current_value)${side("previous_value")}${side("current_value")}
             FROM events WHERE id = ANY($1::text[])`,
    names: values.map((v) => v.name),
  };
}

/**
 * A payload as the evaluator reads it, from the values picked out of it: null stays null, other
 * JSON that is not an object stays one (its kind), and an object gets back the members the rules
 * read — as a record, its record state (tags, assignees and custom fields empty when no rule reads
 * them, as the evaluator reads every record whole); in the payload's own shape, a checklist item's
 * done, a comment's author and the record a comment or checklist is on.
 */
function payloadOf(kind: unknown, names: ValueName[], row: unknown[], offset: number): unknown {
  if (kind !== "object") return kind;
  const v: Partial<Record<ValueName, unknown>> = {};
  for (let i = 0; i < names.length; i++) v[names[i]] = row[offset + i];
  const payload: Record<string, unknown> = { done: v.done };
  if (v.author !== undefined && v.author !== null) payload.author = { id: v.author };
  if (v.refList !== undefined && v.refList !== null) payload.todo = { title: v.refTitle, todoList: { id: v.refList } };
  return payloadWithState(payload, {
    listId: (v.list ?? undefined) as string,
    title: v.title as string,
    done: v.done as boolean | undefined,
    dueDate: v.duedAt as string | null | undefined,
    tagIds: (v.tags ?? []) as string[],
    assigneeIds: (v.assignees ?? []) as string[],
    customFields: (v.customFields ?? {}) as Record<string, unknown>,
  });
}

type Needs = { payload: boolean; record: boolean };

/**
 * What evaluating the conditions needs of an event of each type: its payload (some rule reads a
 * field the type carries) and the record it is on (for a comment or checklist event).
 */
function needsByType(conditions: Conditions, events: StoredEvent[]): Map<string, Needs> {
  const rules = conditions ? rulesWithPaths(conditions).map(({ rule }) => rule) : [];
  const needs = new Map<string, Needs>();
  for (const { type } of events) {
    if (needs.has(type)) continue;
    const payload = isEventType(type) && rules.some((rule) => eventCarriesField(type, rule.field));
    needs.set(type, { payload, record: payload && conditionsNeedRecord(conditions, type) });
  }
  return needs;
}

async function evaluateChunk(
  conditions: Conditions,
  events: StoredEvent[],
  needs: Map<string, Needs>,
): Promise<Evaluation[]> {
  const withRecord = (e: StoredEvent) => e.todoId !== null && needs.get(e.type)?.record === true;
  const query = payloadValuesQuery(conditions);
  const [{ rows }, records] = await Promise.all([
    pool().query<unknown[]>({ text: query.text, values: [events.map((e) => e.id)], rowMode: "array" }),
    loadRecordStates(events.flatMap((e) => (e.todoId !== null && withRecord(e) ? [e.todoId] : []))),
  ]);
  const values = new Map(rows.map((row) => [row[0] as string, row]));
  const count = query.names.length;
  return events.map((e) => {
    const row = values.get(e.id);
    return evaluateConditions(conditions, {
      type: e.type,
      data: {
        previousValue: row ? payloadOf(row[1], query.names, row, 3) : null,
        currentValue: row ? payloadOf(row[2], query.names, row, 3 + count) : null,
      },
      context: e.todoId !== null && withRecord(e) ? { record: records.get(e.todoId) ?? null } : undefined,
    });
  });
}

/** One evaluation per event, in order. No conditions: every event matches, with no rule results. */
export async function evaluateStoredEvents(conditions: Conditions, events: StoredEvent[]): Promise<Evaluation[]> {
  const needs = needsByType(conditions, events);
  const read = events.filter((e) => needs.get(e.type)?.payload);
  const chunks = Array.from({ length: Math.ceil(read.length / PAYLOAD_CHUNK) }, (_, i) =>
    read.slice(i * PAYLOAD_CHUNK, (i + 1) * PAYLOAD_CHUNK),
  );
  const evaluated = new Map<string, Evaluation>();
  await Promise.all(
    chunks.map(async (chunk) => {
      (await evaluateChunk(conditions, chunk, needs)).forEach((evaluation, i) => {
        evaluated.set(chunk[i].id, evaluation);
      });
    }),
  );
  const unread = { previousValue: null, currentValue: null };
  // Events whose payload no rule reads evaluate alike: once per type.
  const unreadByType = new Map<string, Evaluation>();
  return events.map((e) => {
    const done = evaluated.get(e.id);
    if (done) return done;
    let evaluation = unreadByType.get(e.type);
    if (!evaluation) {
      evaluation = evaluateConditions(conditions, { type: e.type, data: unread });
      unreadByType.set(e.type, evaluation);
    }
    return evaluation;
  });
}
