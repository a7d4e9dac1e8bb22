import { withPublic } from "@/lib/api/handler";
import { otherMethods } from "@/lib/api/methods";
import { noContent } from "@/lib/api/response";
import { clearedSessionCookie, sessionClaims } from "@/lib/auth/session";
import { endSession } from "@/lib/auth/sessions/end-session";

// POST /api/v1/auth/sign-out — end this session on the server and clear the cookie
export const POST = withPublic(async ({ req }) => {
  const claims = await sessionClaims(req);
  if (claims) await endSession(claims.userId, claims.sessionId);
  return noContent({ headers: { "set-cookie": clearedSessionCookie(req) } });
});

// Any other method — 405 method_not_allowed, naming the allowed ones in `Allow`
export const { GET, HEAD, OPTIONS, PUT, PATCH, DELETE } = otherMethods({ POST });
