// Which webhooks an event goes to. Only the webhooks that select the event's type and one of its
// projects are read, through two index paths: "all my projects" webhooks of the projects' members
// (index on created_by_id) and webhooks that name one of the projects (GIN index on project_ids).
// So the cost follows the event's own candidates, not the number of webhooks in the system, and
// so does the fan-out's trace: a row per webhook that wanted the event (MATCHED, DISABLED,
// ACCESS_REVOKED). Webhooks that do not select it are told apart when a trace is read, from their
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
  createdById: string;
  secretEncrypted: string;
  previousSecretEncrypted: string | null;
  previousSecretExpiresAt: Date | null;
  memberOf: string[] | null;
  /** Evaluated by the fan-out (lib/conditions/apply-conditions.ts). */
  conditions: Conditions | null;
  /** This event's delivery to the webhook, if an earlier run of the fan-out created it. */
  existingDeliveryId: string | null;
  existingStatus: string | null;
  existingAttempts: number | null;
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

export type Match = { webhook: Candidate; outcome: RecordedOutcome };

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

function outcomeFor(webhook: Candidate, eventProjectIds: string[]): RecordedOutcome {
  const chosen = webhook.allProjects ? eventProjectIds : eventProjectIds.filter((p) => webhook.projectIds.includes(p));
  // Checked at send time: the creator must still be a member of a project the event happens in.
  if (!chosen.some((p) => webhook.memberOf?.includes(p))) return "ACCESS_REVOKED";
  if (!webhook.enabled) return "DISABLED";
  return "MATCHED";
}

/**
 * The webhooks that select an event ($1 its id, $2 its projects, $3 its type). Exported for the
 * test that checks its plan on a large table.
 */
export const MATCH_STATEMENT = `WITH members AS (
   SELECT user_id FROM project_members WHERE project_id = ANY($2::text[])
   UNION
   SELECT user_id FROM deleted_project_members WHERE $3::text = 'PROJECT_DELETED' AND project_id = ANY($2::text[])
 ), candidates AS (
   -- Each member's own webhooks through the index (OFFSET 0 keeps the look-up per member: the
   -- planner, counting an average person's webhooks, would otherwise scan them all for a big team).
   SELECT w.* FROM members m CROSS JOIN LATERAL (
     SELECT * FROM webhooks WHERE created_by_id = m.user_id AND all_projects
        AND (all_events OR $3::text = ANY(events)) OFFSET 0
   ) w
   UNION ALL
   SELECT w.* FROM webhooks w
    WHERE w.project_ids && $2::text[] AND (w.all_events OR $3::text = ANY(w.events))
      AND NOT (w.all_projects AND w.created_by_id IN (SELECT user_id FROM members))
 )
 SELECT w.id, w.uid, w.name, w.url, w.status::text AS status, w.enabled,
        w.all_events AS "allEvents", w.events, w.all_projects AS "allProjects", w.project_ids AS "projectIds",
        w.created_by_id AS "createdById", w.secret_encrypted AS "secretEncrypted", w.conditions,
        w.previous_secret_encrypted AS "previousSecretEncrypted",
        w.previous_secret_expires_at AT TIME ZONE 'UTC' AS "previousSecretExpiresAt",
        (SELECT array_agg(m.project_id) FROM (
           SELECT project_id FROM project_members WHERE user_id = w.created_by_id AND project_id = ANY($2::text[])
           UNION ALL
           SELECT project_id FROM deleted_project_members
            WHERE $3::text = 'PROJECT_DELETED' AND user_id = w.created_by_id AND project_id = ANY($2::text[])
         ) m) AS "memberOf",
        d.id AS "existingDeliveryId", d.status::text AS "existingStatus",
        d.attempt_count AS "existingAttempts",
        w.max_concurrency AS "maxConcurrency", w.max_per_second AS "maxPerSecond",
        w.ordered_delivery AS "orderedDelivery", l.slow AS "laneSlow", l.saturated AS "laneSaturated",
        l.wake_at AT TIME ZONE 'UTC' AS "laneWakeAt", l.paused_until AT TIME ZONE 'UTC' AS "lanePausedUntil"
   FROM candidates w
   -- LIMIT 1 keeps these one index look-up per candidate: a hash join would read every lane.
   LEFT JOIN LATERAL (SELECT * FROM deliveries WHERE event_id = $1 AND webhook_id = w.id LIMIT 1) d ON true
   LEFT JOIN LATERAL (SELECT * FROM delivery_lanes WHERE webhook_id = w.id LIMIT 1) l ON true`;

/**
 * The webhooks that select this event (its type, and one of its projects by name or as "all my
 * projects" of a member), each with its outcome. A deleted project has no members left when its
 * PROJECT_DELETED is fanned out: the members it had when it was deleted stand in for them.
 */
export async function matchWebhooks(eventId: string, eventType: string, eventProjectIds: string[]): Promise<Match[]> {
  const { rows } = await pool().query<Candidate>(MATCH_STATEMENT, [eventId, eventProjectIds, eventType]);
  return rows.map((webhook) => ({ webhook, outcome: outcomeFor(webhook, eventProjectIds) }));
}
