// What a webhook would have sent: its event and project selection and its conditions, evaluated
// against the stored events of the last days, before it is saved. Only projects the caller is a
// member of are read, and only the most recent PREVIEW_EVENT_LIMIT events of them.
import { evaluateStoredEvents } from "../conditions/evaluate-stored-events";
import { db, pool } from "../db";
import { todoOf } from "../delivery-engine/payload";
import {
  PREVIEW_EVENT_LIMIT,
  PREVIEW_EXAMPLES,
  PREVIEW_MISSES,
  type PreviewEvent,
  type WebhookPreview,
  type WebhookPreviewInput,
} from "../validations/webhook-preview";
import { requireMembership, resolveSelection } from "./webhook-selection";

const DAY_MS = 86_400_000;

/** A form left at its defaults selects every event in every project. */
const EVERYTHING = { allEvents: true, events: [], allProjects: true, projectIds: [] };

type RecentEvent = {
  id: string;
  type: string;
  /** Milliseconds since the epoch: a Date is made only for the events shown (parsing 10,000 was ~7 ms). */
  occurredAt: number;
  projectId: string;
  projectName: string;
  todoId: string | null;
};

/**
 * The most recent events that happened in these projects ($1) since $2, of these types ($3, null:
 * all), at most $4, newest first, each shown under a selected project it happened in. Per project
 * through two indexes, so a busy project costs its most recent $4 events, never its whole history:
 * the events filed under it ((project_id, occurred_at)), and the few filed under another project
 * that also happened in it — a record moved out of it (the GIN index of other_project_ids).
 * The fan-out matches a webhook on any project an event happened in, and so does the preview. An
 * event filed under a selected project is read there; one filed elsewhere, under the first selected
 * project it happened in, so that each is read once.
 */
const RECENT_EVENTS = `SELECT e.id, e.type, (extract(epoch FROM e.occurred_at AT TIME ZONE 'UTC') * 1000)::float8 AS "occurredAt",
        selected.project_id AS "projectId", p.name AS "projectName", e.todo_id AS "todoId"
   FROM unnest($1::text[]) AS selected(project_id)
   CROSS JOIN LATERAL (
     (SELECT id, type, occurred_at, sequence, todo_id FROM events
       WHERE project_id = selected.project_id AND occurred_at >= $2::timestamptz AT TIME ZONE 'UTC'
         AND ($3::text[] IS NULL OR type = ANY($3::text[]))
       ORDER BY occurred_at DESC, sequence DESC LIMIT $4)
     UNION ALL
     (SELECT id, type, occurred_at, sequence, todo_id FROM events
       WHERE other_project_ids @> ARRAY[selected.project_id] AND project_id <> ALL($1::text[])
         AND selected.project_id = (SELECT s FROM unnest($1::text[]) s WHERE s = ANY(other_project_ids) LIMIT 1)
         AND occurred_at >= $2::timestamptz AT TIME ZONE 'UTC'
         AND ($3::text[] IS NULL OR type = ANY($3::text[]))
       ORDER BY occurred_at DESC, sequence DESC LIMIT $4)
   ) e
   JOIN projects p ON p.id = selected.project_id
  ORDER BY e.occurred_at DESC, e.sequence DESC
  LIMIT $4`;

/** The record each shown event is about, as its payload names it (read for these few only). */
async function recordsOf(eventIds: string[]): Promise<Map<string, { id: string; title: string }>> {
  const { rows } = await pool().query<{ id: string; previousValue: unknown; currentValue: unknown }>(
    `SELECT id, previous_value AS "previousValue", current_value AS "currentValue" FROM events WHERE id = ANY($1::text[])`,
    [eventIds],
  );
  return new Map(
    rows.flatMap((e) => {
      const record = todoOf(e.currentValue ?? e.previousValue);
      return record.id !== null && record.title !== null ? [[e.id, { id: record.id, title: record.title }]] : [];
    }),
  );
}

async function previewProjects(userId: string, selection: { allProjects: boolean; projectIds: string[] }) {
  if (!selection.allProjects) {
    await db().$transaction((tx) => requireMembership(tx, userId, selection.projectIds));
    return selection.projectIds;
  }
  const memberships = await db().projectMember.findMany({ where: { userId }, select: { projectId: true } });
  return memberships.map((m) => m.projectId);
}

export async function previewWebhook(userId: string, input: WebhookPreviewInput): Promise<WebhookPreview> {
  const selection = resolveSelection(EVERYTHING, input);
  const projectIds = await previewProjects(userId, selection);
  const to = new Date();
  const from = new Date(to.getTime() - input.days * DAY_MS);
  const { rows } = await pool().query<RecentEvent>(RECENT_EVENTS, [
    projectIds,
    from,
    selection.allEvents ? null : selection.events,
    PREVIEW_EVENT_LIMIT + 1,
  ]);
  const events = rows.slice(0, PREVIEW_EVENT_LIMIT);
  const evaluations = await evaluateStoredEvents(input.conditions, events);

  const examples: Array<{ event: RecentEvent; results: PreviewEvent["results"] }> = [];
  const misses: typeof examples = [];
  let matched = 0;
  events.forEach((event, i) => {
    const { matched: sent, results } = evaluations[i];
    if (sent) matched++;
    if (sent && examples.length < PREVIEW_EXAMPLES) examples.push({ event, results });
    if (!sent && misses.length < PREVIEW_MISSES) misses.push({ event, results });
  });
  const records = await recordsOf([...examples, ...misses].map((s) => s.event.id));
  const shown = ({ event: e, results }: (typeof examples)[number]): PreviewEvent => ({
    eventId: e.id,
    type: e.type,
    occurredAt: new Date(e.occurredAt).toISOString(),
    projectId: e.projectId,
    projectName: e.projectName,
    record: records.get(e.id) ?? null,
    results,
  });
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    considered: events.length,
    matched,
    capped: rows.length > PREVIEW_EVENT_LIMIT,
    examples: examples.map(shown),
    misses: misses.map(shown),
  };
}
