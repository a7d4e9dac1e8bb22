// Conditions evaluated over events already stored (the preview, and "send test" with a real
// event), through the pure evaluator. A payload is read only when a rule reads a field its event
// carries: otherwise no rule holds whatever it says. The payloads are read in chunks on parallel
// connections, each evaluated while the next is still being read (10,000 payloads are some 10 MB
// of JSON: reading and parsing them is most of a preview). Comment and checklist events get the
// record they are on as it is now, read once per chunk and only when a rule needs it.
import { pool } from "../db";
import { isEventType } from "../events/catalog";
import { type Conditions, rulesWithPaths } from "../validations/webhook-conditions";
import { conditionsNeedRecord, type Evaluation, evaluateConditions } from "./evaluate";
import { eventCarriesField } from "./fields";
import { loadRecordStates } from "./record-context";

export type StoredEvent = { id: string; type: string; todoId: string | null };

type Payload = { id: string; previousValue: unknown; currentValue: unknown };

const PAYLOAD_CHUNK = 2_500;

/** Does some rule read a field that events of this type carry? */
function readsPayload(conditions: Conditions, type: string): boolean {
  if (!conditions || !isEventType(type)) return false;
  return rulesWithPaths(conditions).some(({ rule }) => eventCarriesField(type, rule.field));
}

async function evaluateChunk(conditions: Conditions, events: StoredEvent[]): Promise<Evaluation[]> {
  const [{ rows }, records] = await Promise.all([
    pool().query<Payload>(
      `SELECT id, previous_value AS "previousValue", current_value AS "currentValue" FROM events WHERE id = ANY($1::text[])`,
      [events.map((e) => e.id)],
    ),
    loadRecordStates(events.flatMap((e) => (e.todoId && conditionsNeedRecord(conditions, e.type) ? [e.todoId] : []))),
  ]);
  const payloads = new Map(rows.map((p) => [p.id, p]));
  return events.map((e) =>
    evaluateConditions(conditions, {
      type: e.type,
      data: {
        previousValue: payloads.get(e.id)?.previousValue ?? null,
        currentValue: payloads.get(e.id)?.currentValue ?? null,
      },
      context:
        e.todoId && conditionsNeedRecord(conditions, e.type) ? { record: records.get(e.todoId) ?? null } : undefined,
    }),
  );
}

/** One evaluation per event, in order. No conditions: every event matches, with no rule results. */
export async function evaluateStoredEvents(conditions: Conditions, events: StoredEvent[]): Promise<Evaluation[]> {
  const read = events.filter((e) => readsPayload(conditions, e.type));
  const chunks = Array.from({ length: Math.ceil(read.length / PAYLOAD_CHUNK) }, (_, i) =>
    read.slice(i * PAYLOAD_CHUNK, (i + 1) * PAYLOAD_CHUNK),
  );
  const evaluated = new Map<string, Evaluation>();
  await Promise.all(
    chunks.map(async (chunk) => {
      (await evaluateChunk(conditions, chunk)).forEach((evaluation, i) => {
        evaluated.set(chunk[i].id, evaluation);
      });
    }),
  );
  const unread = { previousValue: null, currentValue: null };
  return events.map((e) => evaluated.get(e.id) ?? evaluateConditions(conditions, { type: e.type, data: unread }));
}
