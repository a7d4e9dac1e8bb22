// Auth.js's jwt callback, which runs whenever a page reads the session (auth()) and when Auth.js's
// own credentials route signs someone in. Kept apart from the NextAuth() call so that it can be
// tested without Next.js's runtime.
import type { JWT } from "next-auth/jwt";
import { activeSession } from "./sessions/active-session";

/**
 * At sign-in, the token takes the id of the session authorize() started. Afterwards it is kept
 * only while that session is active and belongs to the token's user; null makes Auth.js treat
 * the request as signed out.
 */
export async function checkSessionToken(token: JWT, signedInWith?: { sessionId?: string }): Promise<JWT | null> {
  if (signedInWith) return { ...token, sid: signedInWith.sessionId };
  const session = typeof token.sid === "string" ? await activeSession(token.sid) : null;
  return session && session.userId === token.sub ? token : null;
}
