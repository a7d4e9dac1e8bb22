// Failure counters with doubling lockouts, in PostgreSQL so that every process shares them
// (table rate_limits, one row per account or client address).
//
// An attempt is counted BEFORE the password is checked, in one statement that also refuses it
// while any of its counters is locked: parallel attempts cannot slip past the limit, and a right
// password during a lockout is refused like a wrong one, without even being checked. A success
// then takes its count back: an account's counter starts over, an address's counter only loses
// this attempt (so one working account does not reset the counter of an address trying others).
import { ApiError } from "../api/errors";
import { pool } from "../db";

export type AttemptPolicy = {
  /** Failures allowed before the first lockout. */
  freeFailures: number;
  /** The first lockout; each further failure doubles it, up to maxLockSeconds. */
  firstLockSeconds: number;
  maxLockSeconds: number;
  /** A counter with no attempt for this long starts over. */
  forgetAfterSeconds: number;
};

export type AttemptCounter = {
  key: string;
  policy: AttemptPolicy;
  /** What a success does: "reset" the counter, or "refund" just this attempt. */
  onSuccess: "reset" | "refund";
};

export type CountedAttempt = {
  /** Take the attempt back after it succeeded. */
  succeeded(): Promise<void>;
};

// From json_agg: the lockout as an ISO string, passed back verbatim to compare with the row.
type CountedRow = { key: string; locked_until: string | null };

/** Count an attempt on every counter, or refuse it with 429 and Retry-After while one is locked. */
export async function countAttempt(counters: AttemptCounter[], refusal: string): Promise<CountedAttempt> {
  const { rows } = await pool().query<{ counted: CountedRow[] | null; retry_after: number | null }>(
    `WITH input AS (
       SELECT * FROM unnest($1::text[], $2::int[], $3::float8[], $4::float8[], $5::float8[])
         AS i(key, free, first_s, max_s, forget_s)
     ), blocked AS (
       SELECT max(r.locked_until) AS until FROM rate_limits r JOIN input i USING (key) WHERE r.locked_until > now()
     ), counted AS (
       INSERT INTO rate_limits AS r (key, failures, locked_until, updated_at)
       SELECT key, 1, CASE WHEN free <= 1 THEN now() + make_interval(secs => least(first_s, max_s)) END, now()
       FROM input WHERE (SELECT until FROM blocked) IS NULL
       ON CONFLICT (key) DO UPDATE SET (failures, locked_until, updated_at) = (
         SELECT n.failures,
                CASE WHEN n.failures >= i.free
                     THEN now() + make_interval(secs => least(i.first_s * 2 ^ (n.failures - i.free), i.max_s)) END,
                now()
         FROM input i,
              LATERAL (SELECT CASE WHEN r.updated_at < now() - make_interval(secs => i.forget_s) THEN 1
                                   ELSE r.failures + 1 END AS failures) n
         WHERE i.key = r.key)
       -- Locked by a concurrent attempt since this statement's snapshot: not counted, refused.
       WHERE r.locked_until IS NULL OR r.locked_until <= now()
       RETURNING r.key, r.locked_until
     )
     SELECT (SELECT json_agg(counted) FROM counted) AS counted,
            (SELECT ceil(extract(epoch FROM until - now()))::int FROM blocked) AS retry_after`,
    [
      counters.map((c) => c.key),
      counters.map((c) => c.policy.freeFailures),
      counters.map((c) => c.policy.firstLockSeconds),
      counters.map((c) => c.policy.maxLockSeconds),
      counters.map((c) => c.policy.forgetAfterSeconds),
    ],
  );
  const counted = rows[0].counted ?? [];
  const attempt = { succeeded: () => takeBack(counters, counted) };
  if (counted.length < counters.length) {
    // Only a concurrent lockout leaves some counted: this attempt is refused, so it never happened.
    if (counted.length > 0) await attempt.succeeded();
    const retryAfter = Math.max(1, rows[0].retry_after ?? Math.min(...counters.map((c) => c.policy.firstLockSeconds)));
    throw new ApiError("rate_limited", `${refusal} Try again in ${retryAfter} seconds.`, {
      headers: { "retry-after": String(retryAfter) },
    });
  }
  return attempt;
}

/**
 * Undo a counted attempt: reset or refund each counter, and lift a lockout only if this attempt
 * set it (a concurrent failure's lockout stays). Also deletes a few counters nobody used for longer
 * than any policy remembers, so that the table does not keep one row per address ever seen.
 */
async function takeBack(counters: AttemptCounter[], counted: CountedRow[]): Promise<void> {
  const mine = counters.filter((c) => counted.some((row) => row.key === c.key));
  const ownLock = (key: string) => counted.find((row) => row.key === key)?.locked_until ?? null;
  await pool().query(
    `WITH input AS (
       SELECT * FROM unnest($1::text[], $2::bool[], $3::timestamptz[]) AS i(key, reset, own_lock)
     ), reset AS (
       DELETE FROM rate_limits r USING input i WHERE r.key = i.key AND i.reset
     ), pruned AS (
       DELETE FROM rate_limits WHERE key IN (
         SELECT key FROM rate_limits
         WHERE updated_at < now() - make_interval(secs => $4) AND NOT (key = ANY($1))
         LIMIT 100)
     )
     UPDATE rate_limits r
     SET failures = greatest(r.failures - 1, 0),
         locked_until = CASE WHEN r.locked_until IS NOT DISTINCT FROM i.own_lock THEN NULL ELSE r.locked_until END
     FROM input i WHERE r.key = i.key AND NOT i.reset`,
    [
      mine.map((c) => c.key),
      mine.map((c) => c.onSuccess === "reset"),
      mine.map((c) => ownLock(c.key)),
      Math.max(...counters.map((c) => c.policy.forgetAfterSeconds)),
    ],
  );
}
