// Which webhooks an event goes to, and why the others near it do not. One indexed query reads
// only the webhooks whose creator belongs to one of the event's projects or that name one of
// them (GIN index on project_ids), so the cost follows the event's audience, not the total.
import { pool } from "../db";
import type { TraceOutcome } from "../generated/prisma/client";

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

export type Match = { webhook: Candidate; outcome: TraceOutcome };

export function outcomeFor(webhook: Candidate, eventType: string, eventProjectIds: string[]): TraceOutcome {
  if (!webhook.allEvents && !webhook.events.includes(eventType)) return "EVENT_NOT_SELECTED";
  const chosen = webhook.allProjects ? eventProjectIds : eventProjectIds.filter((p) => webhook.projectIds.includes(p));
  if (chosen.length === 0) return "PROJECT_NOT_SELECTED";
  // Checked at send time: the creator must still be a member of a project the event happens in.
  if (!chosen.some((p) => webhook.memberOf?.includes(p))) return "ACCESS_REVOKED";
  if (!webhook.enabled) return "DISABLED";
  return "MATCHED";
}

export async function matchWebhooks(eventId: string, eventType: string, eventProjectIds: string[]): Promise<Match[]> {
  const { rows } = await pool().query<Candidate>(
    `SELECT w.id, w.uid, w.name, w.url, w.status::text AS status, w.enabled,
            w.all_events AS "allEvents", w.events, w.all_projects AS "allProjects", w.project_ids AS "projectIds",
            w.created_by_id AS "createdById", w.secret_encrypted AS "secretEncrypted",
            w.previous_secret_encrypted AS "previousSecretEncrypted",
            w.previous_secret_expires_at AT TIME ZONE 'UTC' AS "previousSecretExpiresAt",
            (SELECT array_agg(pm.project_id) FROM project_members pm
              WHERE pm.user_id = w.created_by_id AND pm.project_id = ANY($2::text[])) AS "memberOf",
            d.id AS "existingDeliveryId", d.status::text AS "existingStatus",
            d.attempt_count AS "existingAttempts",
            w.max_concurrency AS "maxConcurrency", w.max_per_second AS "maxPerSecond",
            w.ordered_delivery AS "orderedDelivery", l.slow AS "laneSlow", l.saturated AS "laneSaturated",
            l.wake_at AT TIME ZONE 'UTC' AS "laneWakeAt", l.paused_until AT TIME ZONE 'UTC' AS "lanePausedUntil"
       FROM webhooks w
       LEFT JOIN deliveries d ON d.event_id = $1 AND d.webhook_id = w.id
       LEFT JOIN delivery_lanes l ON l.webhook_id = w.id
      WHERE (w.created_by_id IN (SELECT user_id FROM project_members WHERE project_id = ANY($2::text[]))
         OR w.project_ids && $2::text[])`,
    [eventId, eventProjectIds],
  );
  return rows.map((webhook) => ({ webhook, outcome: outcomeFor(webhook, eventType, eventProjectIds) }));
}
