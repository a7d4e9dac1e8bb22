import { ApiError } from "@/lib/api/errors";
import { withUser } from "@/lib/api/handler";
import { otherMethods } from "@/lib/api/methods";
import { noContent } from "@/lib/api/response";
import { clearedSessionCookie } from "@/lib/auth/session";
import { endSession } from "@/lib/auth/sessions/end-session";

// DELETE /api/v1/sessions/{id} — end one of the caller's sessions (ending this one also clears the cookie)
export const DELETE = withUser<{ id: string }>(async ({ req, user, authentication, params }) => {
  if (!(await endSession(user.id, params.id))) throw ApiError.notFound("Session");
  const isCurrent = authentication.kind === "session" && authentication.sessionId === params.id;
  return noContent(isCurrent ? { headers: { "set-cookie": clearedSessionCookie(req) } } : {});
});

// Any other method — 405 method_not_allowed, naming the allowed ones in `Allow`
export const { GET, HEAD, POST, PUT, PATCH, OPTIONS } = otherMethods({ DELETE });
