// Which webhooks an event goes to. Only the webhooks that select the event's type and one of its
// projects are read, through two index paths: "all my projects" webhooks of the projects' members
// (index on created_by_id) and webhooks that name one of the projects (GIN index on project_ids).
// So the cost follows the event's own candidates, not the number of webhooks in the system, and
// so does the fan-out's trace: a row per webhook that wanted the event (MATCHED, DISABLED,
// ACCESS_REVOKED, or FILTERED by its conditions in the next step). The access check is a join
// with the projects' members read once, and a webhook whose creator lost access comes back as its
// id alone. Webhooks that do not select the event are told apart when a trace is read, from their
// selection then (see lib/delivery-log/trace-event.ts).
import { pool } from "../db";
import type { TraceOutcome } from "../generated/prisma/client";
import type { Conditions } from "../validations/webhook-conditions";

export type Candidate = {
  id: string;
  uid: string;
  name: string;
  url: string;
  status: string;
  enabled: boolean;
  allEvents: boolean;
  events: string[];
  allProjects: boolean;
  projectIds: string[];
  secretEncrypted: string;
  previousSecretEncrypted: string | null;
  previousSecretExpiresAt: Date | null;
  /** Evaluated by the fan-out (lib/conditions/apply-conditions.ts). */
  conditions: Conditions | null;
  /** This event's delivery to the webhook, if an earlier run of the fan-out created it. */
  existingDeliveryId: string | null;
  maxConcurrency: number;
  maxPerSecond: number | null;
  orderedDelivery: boolean;
  /** The lane's state: inline first attempts only go to a lane with nothing due, fast and not paused. */
  laneSlow: boolean | null;
  laneSaturated: boolean | null;
  laneWakeAt: Date | null;
  lanePausedUntil: Date | null;
};

/** The outcomes the fan-out records: the webhook selected the event, and this is what became of it. */
export type RecordedOutcome = Extract<TraceOutcome, "MATCHED" | "DISABLED" | "ACCESS_REVOKED">;

/** A webhook the event is sent to (or, disabled, skipped for): everything its delivery needs. */
export type SendableMatch = { webhook: Candidate; outcome: Extract<RecordedOutcome, "MATCHED" | "DISABLED"> };

/** Its creator can no longer see the event: traced, never sent, so nothing more is read. */
export type RevokedMatch = { webhook: Pick<Candidate, "id">; outcome: "ACCESS_REVOKED" };

export type Match = SendableMatch | RevokedMatch;

type Selection = Pick<Candidate, "allEvents" | "events" | "allProjects" | "projectIds">;

/** Does this selection leave the event out? (null: it selects the event's type and a project of it.) */
export function unselected(
  webhook: Selection,
  eventType: string,
  eventProjectIds: string[],
): Extract<TraceOutcome, "EVENT_NOT_SELECTED" | "PROJECT_NOT_SELECTED"> | null {
  if (!webhook.allEvents && !webhook.events.includes(eventType)) return "EVENT_NOT_SELECTED";
  if (!webhook.allProjects && !eventProjectIds.some((p) => webhook.projectIds.includes(p)))
    return "PROJECT_NOT_SELECTED";
  return null;
}

/**
 * The webhooks that select an event ($1 its id, $2 its projects, $3 its type). A row per webhook
 * the event can be sent to, with all its delivery needs; the webhooks whose creator is no longer a
 * member of a project they chose come last, as the ids of one row (`revokedIds`): thousands of
 * them (a project named by former members) cost a few milliseconds as ids and tens as full rows.
 * Exported for the test that checks its plan on a large table.
 */
/** The webhook columns a match carries (not every column: rows are copied through each step). */
const CANDIDATE_COLUMNS = `id, uid, name, url, status, enabled, all_events, events, all_projects, project_ids,
  secret_encrypted, conditions, previous_secret_encrypted, previous_secret_expires_at, max_concurrency,
  max_per_second, ordered_delivery`;

const prefixed = (table: string) => CANDIDATE_COLUMNS.split(",").map((column) => `${table}.${column.trim()}`);

export const MATCH_STATEMENT = `WITH access AS (
   SELECT user_id, project_id FROM project_members WHERE project_id = ANY($2::text[])
   UNION
   SELECT user_id, project_id FROM deleted_project_members WHERE $3::text = 'PROJECT_DELETED' AND project_id = ANY($2::text[])
 ), members AS (
   SELECT user_id, array_agg(project_id) AS projects FROM access GROUP BY user_id
 ), candidates AS (
   -- The members' own webhooks, in one index scan for the array of members (as the planner
   -- cannot count the array, it keeps this index scan for a team of 1,000 as for one of 5; one
   -- look-up per member cost 3 ms more for 1,000).
   SELECT ${prefixed("w")}, m.projects AS member_of
     FROM webhooks w JOIN members m ON m.user_id = w.created_by_id
    WHERE w.created_by_id = ANY (ARRAY(SELECT user_id FROM members)) AND w.all_projects
      AND (w.all_events OR $3::text = ANY(w.events))
   UNION ALL
   SELECT ${prefixed("w")}, m.projects
     FROM webhooks w LEFT JOIN members m ON m.user_id = w.created_by_id
    WHERE w.project_ids && $2::text[] AND (w.all_events OR $3::text = ANY(w.events))
      AND NOT (w.all_projects AND m.user_id IS NOT NULL)
 ), checked AS (
   -- Checked at send time: the creator must still be a member of a project the event happens in
   -- (of those the webhook chose). member_of holds the event's projects the creator is in.
   SELECT *, CASE WHEN all_projects THEN member_of IS NOT NULL ELSE coalesce(member_of && project_ids, false) END
             AS reachable
     FROM candidates
 ), sendable AS (
   SELECT w.id, w.uid, w.name, w.url, w.status::text AS status, w.enabled,
          w.all_events AS "allEvents", w.events, w.all_projects AS "allProjects", w.project_ids AS "projectIds",
          w.secret_encrypted AS "secretEncrypted", w.conditions,
          w.previous_secret_encrypted AS "previousSecretEncrypted",
          w.previous_secret_expires_at AT TIME ZONE 'UTC' AS "previousSecretExpiresAt",
          d.id AS "existingDeliveryId",
          w.max_concurrency AS "maxConcurrency", w.max_per_second AS "maxPerSecond",
          w.ordered_delivery AS "orderedDelivery", l.slow AS "laneSlow", l.saturated AS "laneSaturated",
          l.wake_at AT TIME ZONE 'UTC' AS "laneWakeAt", l.paused_until AT TIME ZONE 'UTC' AS "lanePausedUntil"
     FROM checked w
     -- This event's deliveries in one index range (an earlier run of the fan-out may have written some).
     LEFT JOIN (SELECT id, webhook_id FROM deliveries WHERE event_id = $1) d
       ON d.webhook_id = w.id
     -- A lane that is not idle, looked up in the small partial index of those (an idle lane's
     -- columns say nothing: null is read as not slow, not saturated, nothing due, not paused).
     -- LIMIT 1 keeps this one index look-up per webhook: a hash join would read every lane.
     LEFT JOIN LATERAL (SELECT slow, saturated, wake_at, paused_until FROM delivery_lanes
                         WHERE webhook_id = w.id AND (slow OR saturated OR wake_at IS NOT NULL OR paused_until IS NOT NULL)
                         LIMIT 1) l ON true
    WHERE w.reachable
 ), revoked AS (
   SELECT array_agg(id) AS "revokedIds" FROM checked WHERE NOT reachable HAVING count(*) > 0
 )
 -- The sendable rows and the one row of revoked ids, side by side (a join that never pairs them).
 SELECT * FROM sendable FULL JOIN revoked ON false`;

type Row = (Candidate & { revokedIds: null }) | ({ [K in keyof Candidate]: null } & { revokedIds: string[] });

/**
 * The webhooks that select this event (its type, and one of its projects by name or as "all my
 * projects" of a member), each with its outcome. A deleted project has no members left when its
 * PROJECT_DELETED is fanned out: the members it had when it was deleted stand in for them.
 */
export async function matchWebhooks(eventId: string, eventType: string, eventProjectIds: string[]): Promise<Match[]> {
  // Prepared once per connection, planned for its values on every call (the shared pool). Planned
  // once and kept (a generic plan), it was made whenever the tables' statistics changed — and
  // statistics taken while they were nearly empty (a new installation, webhooks and their
  // deliveries just deleted) gave a plan that read every delivery once per candidate webhook:
  // 20 s of the database's CPU for (b) of bench:delivery, whose deliveries grew to 30,000.
  const { rows } = await pool().query<Row>(MATCH_STATEMENT, [eventId, eventProjectIds, eventType]);
  return rows.flatMap((row): Match[] =>
    row.revokedIds !== null
      ? row.revokedIds.map((id) => ({ webhook: { id }, outcome: "ACCESS_REVOKED" }))
      : [{ webhook: row, outcome: row.enabled ? "MATCHED" : "DISABLED" }],
  );
}
