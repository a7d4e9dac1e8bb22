// E-mails decided inside a transaction are queued in it (outbox_emails) and sent after the
// commit; the relay sends whatever a crash or a mail-server outage left behind. An e-mail is
// sent at least once: the row is marked sent only after the server took it.
import { randomUUID } from "node:crypto";
import type { PoolClient } from "pg";
import { pool, type Tx } from "../db";
import { logger } from "../logger";
import { sendEmail } from "./send-email";

/** Give up on an e-mail after this many failed sends (it stays in the table, with its error). */
const MAX_SEND_ATTEMPTS = 10;
const RELAY_BATCH = 100;

type Message = { to: string; subject: string; text: string };

export async function queueEmail(client: PoolClient, message: Message) {
  return (await queueEmails(client, [message]))[0];
}

/** Queue several e-mails in one statement (a batch of disables or warnings); returns their ids in order. */
export async function queueEmails(client: PoolClient, messages: Message[]): Promise<string[]> {
  if (messages.length === 0) return [];
  const ids = messages.map(() => randomUUID());
  await client.query(
    `INSERT INTO outbox_emails (id, "to", subject, text, created_at)
     SELECT v.id, v.to, v.subject, v.text, now() AT TIME ZONE 'UTC'
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS v(id, "to", subject, text)`,
    [ids, messages.map((m) => m.to), messages.map((m) => m.subject), messages.map((m) => m.text)],
  );
  return ids;
}

/** The same, inside a Prisma transaction (the platform's changes: invitations, access lost). */
export async function queueEmailInTx(tx: Tx, message: { to: string; subject: string; text: string }) {
  const { id } = await tx.outboxEmail.create({ data: message, select: { id: true } });
  return id;
}

/** After the commit, without delaying the response; what fails is left to the relay. */
export function sendQueuedEmailsInBackground(ids: string[]) {
  if (ids.length === 0) return;
  sendQueuedEmails(ids).catch((error) => logger.warn({ err: error }, "e-mails not sent; the relay will retry"));
}

/** Send queued e-mails (by id, or every unsent one older than `olderThanMs`); returns how many went out. */
export async function sendQueuedEmails(ids?: string[], olderThanMs = 30_000): Promise<number> {
  const { rows } = await pool().query<{ id: string; to: string; subject: string; text: string }>(
    ids
      ? `SELECT id, "to", subject, text FROM outbox_emails WHERE id = ANY($1::text[]) AND sent_at IS NULL`
      : `SELECT id, "to", subject, text FROM outbox_emails
          WHERE sent_at IS NULL AND attempts < $1
            AND created_at < (now() AT TIME ZONE 'UTC') - make_interval(secs => $2)
          ORDER BY created_at LIMIT ${RELAY_BATCH}`,
    ids ? [ids] : [MAX_SEND_ATTEMPTS, olderThanMs / 1000],
  );
  let sent = 0;
  for (const email of rows) {
    try {
      await sendEmail(email);
      await pool().query(
        `UPDATE outbox_emails SET sent_at = now() AT TIME ZONE 'UTC', attempts = attempts + 1 WHERE id = $1`,
        [email.id],
      );
      sent++;
    } catch (error) {
      logger.error({ err: error, emailId: email.id }, "e-mail not sent; the relay tries again");
      await pool().query("UPDATE outbox_emails SET attempts = attempts + 1, last_error = $2 WHERE id = $1", [
        email.id,
        String((error as Error).message).slice(0, 500),
      ]);
    }
  }
  return sent;
}
