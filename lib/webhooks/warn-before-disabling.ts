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
import { type Decision, shouldDisable } from "../delivery-engine/decide";
import type { AttemptRecord } from "../delivery-engine/perform-attempt";
import { queueEmail } from "../notify/email-outbox";
import { disablePolicyOf, failureWindow } from "../webhook-health";

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

/** Write the due warnings in the recorder's transaction; returns the e-mails queued (send after the commit). */
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
  const emails: string[] = [];
  for (const row of rows) {
    const failure = failures.find((f) => f.webhookId === row.id)!;
    const kind = await warningKind(client, row, failure.startsRetrying);
    if (kind === null) continue;
    const email = await warn(client, kind, failure);
    if (email) emails.push(email);
  }
  return emails;
}

/** lastChance when one more failed delivery disables the webhook; else retrying when a delivery just began to; else null. */
async function warningKind(
  client: PoolClient,
  row: { id: string; policy: unknown; streak: number },
  startsRetrying: boolean,
): Promise<WarningKind | null> {
  const policy = disablePolicyOf({ disablePolicy: row.policy });
  const { windowEnded, windowFailed } =
    policy.type === "failure_rate" ? await failureWindow(client, row.id, policy) : { windowEnded: 0, windowFailed: 0 };
  const oneMoreFailure = { streak: row.streak + 1, windowEnded: windowEnded + 1, windowFailed: windowFailed + 1 };
  if (shouldDisable(policy, oneMoreFailure)) return "lastChance";
  return startsRetrying ? "retrying" : null;
}

/** Claim this hour's warning and write it; null when another transaction claimed it first. */
async function warn(client: PoolClient, kind: WarningKind, failure: Failure): Promise<string | null> {
  const { rows } = await client.query<{
    name: string;
    url: string;
    userId: string;
    email: string;
    userName: string;
    locale: string | null;
  }>(
    `UPDATE webhooks w SET warned_at = now() AT TIME ZONE 'UTC'
       FROM users u
      WHERE w.id = $1 AND w.enabled AND u.id = w.created_by_id
        AND (w.warned_at IS NULL OR w.warned_at <= (now() AT TIME ZONE 'UTC') - interval '1 hour')
      RETURNING w.name, w.url, w.created_by_id AS "userId", u.email, u.name AS "userName", u.locale`,
    [failure.webhookId],
  );
  if (rows.length === 0) return null;
  const w = rows[0];
  const params = { name: w.name, url: w.url, error: failure.error ?? "no answer" };
  const english = translatorFor("en", `notices.kinds.${WARNING_KINDS[kind]}`);
  await client.query(
    `INSERT INTO notices (id, user_id, webhook_id, kind, title, body, params, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, now() AT TIME ZONE 'UTC')`,
    [
      randomUUID(),
      w.userId,
      failure.webhookId,
      WARNING_KINDS[kind],
      english("title", params),
      english("body", params),
      JSON.stringify(params),
    ],
  );
  const t = translatorFor(w.locale, `warnings.email.${kind}`);
  const events = translatorFor(w.locale, "events.types");
  const event = events.has(`${failure.eventType}.label`) ? events(`${failure.eventType}.label`) : failure.eventType;
  return queueEmail(client, {
    to: w.email,
    subject: t("subject", params),
    text: t("text", { ...params, event, userName: w.userName }),
  });
}
