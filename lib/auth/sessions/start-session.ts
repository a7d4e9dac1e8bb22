import { db } from "../../db";

/** Sessions last 30 days from sign-in, like the cookie that carries them; signing in again starts a new one. */
export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

const USER_AGENT_MAX_CHARS = 512;

export type SessionClient = { address: string; userAgent: string | null };

/** A new session row for the user, recording the client it starts on. */
export function startSession(userId: string, client: SessionClient, now = new Date()) {
  return db().session.create({
    data: {
      userId,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000),
      userAgent: client.userAgent?.slice(0, USER_AGENT_MAX_CHARS) || null,
      ipAddress: client.address === "unknown" ? null : client.address,
    },
  });
}
