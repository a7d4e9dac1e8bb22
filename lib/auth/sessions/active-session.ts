// Whether a session is still active: checked on every request, by the API wrapper and by pages
// (Auth.js's jwt callback). The answer is kept per process for SESSION_RECHECK_MS, so a busy
// session costs one query per process every few seconds instead of one per request (the user
// comes with it, so the API wrapper needs no query of its own). Ending a session in this process
// drops the kept answer at once; another process notices within SESSION_RECHECK_MS. "Last seen"
// is written at most once a minute per session.
import { db, pool } from "../../db";

export const SESSION_RECHECK_MS = 5_000;
const LAST_SEEN_RESOLUTION_MS = 60_000;
const MAX_KEPT = 10_000;

export type SessionUser = { id: string; email: string; name: string; createdAt: Date };
export type ActiveSession = { id: string; userId: string; user: SessionUser; expiresAt: Date; lastSeenAt: Date };

type Kept = { session: ActiveSession | null; checkedAt: number };
type Store = {
  kept: Map<string, Kept>;
  loading: Map<string, Promise<ActiveSession | null>>;
  /** Bumped by every revocation: a lookup that started before it must not keep its (possibly stale) answer. */
  revocations: number;
};

// One store per process, on globalThis: Next.js bundles route handlers and pages separately, each
// with its own copy of this module, and a sign-out through the API must reach the pages' copy too.
const globalForSessions = globalThis as unknown as { activeSessions?: Store };
globalForSessions.activeSessions ??= { kept: new Map(), loading: new Map(), revocations: 0 };
const store = globalForSessions.activeSessions;
const { kept, loading } = store;

/** The session if it exists, is not revoked and has not expired; otherwise null. */
export async function activeSession(sessionId: string): Promise<ActiveSession | null> {
  const entry = kept.get(sessionId);
  if (entry && Date.now() - entry.checkedAt < SESSION_RECHECK_MS) return unexpired(entry.session);
  let lookup = loading.get(sessionId);
  if (!lookup) {
    lookup = load(sessionId).finally(() => loading.delete(sessionId));
    loading.set(sessionId, lookup);
  }
  return unexpired(await lookup);
}

function unexpired(session: ActiveSession | null): ActiveSession | null {
  return session && session.expiresAt.getTime() > Date.now() ? session : null;
}

type Row = {
  id: string;
  user_id: string;
  expires_at: Date;
  last_seen_at: Date;
  email: string;
  name: string;
  created_at: Date;
};

async function load(sessionId: string): Promise<ActiveSession | null> {
  const revocationsBefore = store.revocations;
  // Plain SQL: one statement for the session and its user (Prisma's include takes two).
  const { rows } = await pool().query<Row>(
    `SELECT s.id, s.user_id, s.expires_at AT TIME ZONE 'UTC' AS expires_at,
            s.last_seen_at AT TIME ZONE 'UTC' AS last_seen_at,
            u.email, u.name, u.created_at AT TIME ZONE 'UTC' AS created_at
     FROM sessions s JOIN users u ON u.id = s.user_id
     WHERE s.id = $1 AND s.revoked_at IS NULL AND s.expires_at > now() AT TIME ZONE 'UTC'`,
    [sessionId],
  );
  const row = rows[0];
  const now = new Date();
  let session: ActiveSession | null = null;
  if (row) {
    const user = { id: row.user_id, email: row.email, name: row.name, createdAt: row.created_at };
    session = { id: row.id, userId: row.user_id, user, expiresAt: row.expires_at, lastSeenAt: row.last_seen_at };
    if (now.getTime() - row.last_seen_at.getTime() >= LAST_SEEN_RESOLUTION_MS) {
      // Conditional, so that processes noticing the same stale minute write it once.
      await db().session.updateMany({
        where: { id: row.id, lastSeenAt: { lt: new Date(now.getTime() - LAST_SEEN_RESOLUTION_MS) } },
        data: { lastSeenAt: now },
      });
      session.lastSeenAt = now;
    }
  }
  if (store.revocations === revocationsBefore) {
    if (kept.size >= MAX_KEPT) kept.clear();
    kept.set(sessionId, { session, checkedAt: now.getTime() });
  }
  return session;
}

/** Forget what this process knows about these sessions (or all of a user's), after revoking them. */
export function forgetSessions(which: { sessionId: string } | { userId: string }): void {
  store.revocations += 1;
  loading.clear();
  if ("sessionId" in which) {
    kept.delete(which.sessionId);
    return;
  }
  for (const [id, entry] of kept) if (entry.session?.userId === which.userId) kept.delete(id);
}
