import { withUser } from "@/lib/api/handler";
import { otherMethods } from "@/lib/api/methods";
import { noContent, respond } from "@/lib/api/response";
import { clearedSessionCookie } from "@/lib/auth/session";
import { endUserSessions } from "@/lib/auth/sessions/end-user-sessions";
import { listSessions } from "@/lib/auth/sessions/list-sessions";
import { sessionListResponse } from "@/lib/auth/sessions/schema";

// GET /api/v1/sessions — the caller's active sessions (device, address, last seen), this one marked
export const GET = withUser(async ({ user, authentication }) => {
  const current = authentication.kind === "session" ? authentication.sessionId : null;
  return respond(sessionListResponse, { data: await listSessions(user.id, current) });
});

// DELETE /api/v1/sessions — sign out everywhere: end every session of the caller, this one included
export const DELETE = withUser(async ({ req, user, authentication }) => {
  await endUserSessions(user.id);
  return noContent(authentication.kind === "session" ? { headers: { "set-cookie": clearedSessionCookie(req) } } : {});
});

// Any other method — 405 method_not_allowed, naming the allowed ones in `Allow`
export const { POST, PUT, PATCH, OPTIONS } = otherMethods({ GET, DELETE });
