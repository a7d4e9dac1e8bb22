// Warn a webhook's creator before failures turn it off: when one of its deliveries starts retrying,
// and when one more failed delivery would disable it (by its disable policy). In app (a notice)
// and by e-mail, in the creator's language, at most once an hour per webhook.
//
// Called by the attempt recorder in its transaction, after the exhaustions were counted: the
// notice and the queued e-mail commit with the attempts (the e-mail then goes out like the
// disable e-mail: after the commit, or by the outbox relay). Successful attempts cost nothing;
// failing ones one indexed read of rows the transaction has locked already, and the rest runs at
// most once an hour. The hour is claimed by a conditional UPDATE of `warned_at`, so two processes
// recording failures of the same webhook at once cannot both warn.
import { randomUUID } from "node:crypto";
import type { PoolClient } from "pg";
import { translatorFor } from "../../i18n/translator";
import { MAX_ATTEMPTS } from "../delivery-engine/config";
import { type Decision, type DisablePolicy, shouldDisable } from "../delivery-engine/decide";
import type { AttemptRecord } from "../delivery-engine/perform-attempt";
import { queueEmails } from "../notify/email-outbox";
import { disablePolicyOf, failureWindows } from "../webhook-health";

export const WARNING_KINDS = { retrying: "webhook_retrying", lastChance: "webhook_last_chance" } as const;
export type WarningKind = keyof typeof WARNING_KINDS;

/** A webhook's failure of this batch; `startsRetrying` when one of its deliveries just began retrying. */
type Failure = { webhookId: string; eventType: string; error: string | null; startsRetrying: boolean };

/** The failures that may warn: an event delivery's first attempt failing, or a delivery exhausted. */
export function warningCandidates(recorded: { r: AttemptRecord; d: Decision }[]): Failure[] {
  const byWebhook = new Map<string, Failure>();
  for (const { r, d } of recorded) {
    if (r.delivery.kind !== "event") continue;
    const startsRetrying = d.status === "RETRYING" && r.number === r.delivery.chainLast - MAX_ATTEMPTS + 1;
    if (!startsRetrying && !d.exhausted) continue;
    byWebhook.set(r.delivery.webhookId, {
      webhookId: r.delivery.webhookId,
      eventType: r.delivery.eventType,
      error: r.outcome.errorMessage,
      startsRetrying: startsRetrying || (byWebhook.get(r.delivery.webhookId)?.startsRetrying ?? false),
    });
  }
  return [...byWebhook.values()];
}

/**
 * Write the due warnings in the recorder's transaction; returns the e-mails queued (send after the
 * commit). A fixed number of statements however many webhooks start failing together.
 */
export async function warnBeforeDisabling(
  client: PoolClient,
  recorded: { r: AttemptRecord; d: Decision }[],
): Promise<string[]> {
  const failures = warningCandidates(recorded);
  if (failures.length === 0) return [];
  const { rows } = await client.query<{ id: string; policy: unknown; streak: number }>(
    `SELECT id, disable_policy AS policy, exhausted_deliveries AS streak FROM webhooks
      WHERE id = ANY($1::text[]) AND enabled
        AND (warned_at IS NULL OR warned_at <= (now() AT TIME ZONE 'UTC') - interval '1 hour')
      ORDER BY id`,
    [failures.map((f) => f.webhookId)],
  );
  if (rows.length === 0) return [];
  const policies = new Map(rows.map((row) => [row.id, disablePolicyOf({ disablePolicy: row.policy })]));
  const windows = await failureWindows(
    client,
    [...policies].flatMap(([webhookId, p]) =>
      p.type === "failure_rate" ? [{ webhookId, windowMinutes: p.windowMinutes }] : [],
    ),
  );
  const kinds = new Map<string, WarningKind>();
  for (const row of rows) {
    const failure = failures.find((f) => f.webhookId === row.id)!;
    const kind = warningKind(policies.get(row.id)!, row.streak, windows.get(row.id), failure.startsRetrying);
    if (kind !== null) kinds.set(row.id, kind);
  }
  return warn(
    client,
    failures.filter((f) => kinds.has(f.webhookId)),
    kinds,
  );
}

/** lastChance when one more failed delivery disables the webhook; else retrying when a delivery just began to; else null. */
function warningKind(
  policy: DisablePolicy,
  streak: number,
  window: { windowEnded: number; windowFailed: number } | undefined,
  startsRetrying: boolean,
): WarningKind | null {
  const { windowEnded, windowFailed } = window ?? { windowEnded: 0, windowFailed: 0 };
  const oneMoreFailure = { streak: streak + 1, windowEnded: windowEnded + 1, windowFailed: windowFailed + 1 };
  if (shouldDisable(policy, oneMoreFailure)) return "lastChance";
  return startsRetrying ? "retrying" : null;
}

/**
 * Claim this hour's warning of each webhook and write them; a webhook another transaction claimed
 * first (it waits for that one's commit, the rows locked in id order) is left out.
 */
async function warn(client: PoolClient, failures: Failure[], kinds: Map<string, WarningKind>): Promise<string[]> {
  if (failures.length === 0) return [];
  const { rows } = await client.query<{
    id: string;
    name: string;
    url: string;
    userId: string;
    email: string;
    userName: string;
    locale: string | null;
  }>(
    `WITH locked AS (
       SELECT id FROM webhooks
        WHERE id = ANY($1::text[]) AND enabled
          AND (warned_at IS NULL OR warned_at <= (now() AT TIME ZONE 'UTC') - interval '1 hour')
        ORDER BY id FOR NO KEY UPDATE)
     UPDATE webhooks w SET warned_at = now() AT TIME ZONE 'UTC'
       FROM locked, users u
      WHERE w.id = locked.id AND u.id = w.created_by_id
      RETURNING w.id, w.name, w.url, w.created_by_id AS "userId", u.email, u.name AS "userName", u.locale`,
    [failures.map((f) => f.webhookId)],
  );
  if (rows.length === 0) return [];
  const written = rows.map((w) => {
    const failure = failures.find((f) => f.webhookId === w.id)!;
    const kind = kinds.get(w.id)!;
    const params = { name: w.name, url: w.url, error: failure.error ?? "no answer" };
    const english = translatorFor("en", `notices.kinds.${WARNING_KINDS[kind]}`);
    const t = translatorFor(w.locale, `warnings.email.${kind}`);
    const events = translatorFor(w.locale, "events.types");
    const event = events.has(`${failure.eventType}.label`) ? events(`${failure.eventType}.label`) : failure.eventType;
    return {
      w,
      kind,
      params,
      title: english("title", params),
      body: english("body", params),
      email: {
        to: w.email,
        subject: t("subject", params),
        text: t("text", { ...params, event, userName: w.userName }),
      },
    };
  });
  await client.query(
    `INSERT INTO notices (id, user_id, webhook_id, kind, title, body, params, created_at)
     SELECT v.id, v.user_id, v.webhook_id, v.kind, v.title, v.body, v.params::jsonb, now() AT TIME ZONE 'UTC'
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])
         AS v(id, user_id, webhook_id, kind, title, body, params)`,
    [
      written.map(() => randomUUID()),
      written.map((x) => x.w.userId),
      written.map((x) => x.w.id),
      written.map((x) => WARNING_KINDS[x.kind]),
      written.map((x) => x.title),
      written.map((x) => x.body),
      written.map((x) => JSON.stringify(x.params)),
    ],
  );
  return queueEmails(
    client,
    written.map((x) => x.email),
  );
}
