import { withPublic } from "@/lib/api/handler";
import { noContent } from "@/lib/api/response";
import { clearedSessionCookie } from "@/lib/auth/session";

// POST /api/v1/auth/sign-out — end the session (clears the cookie)
export const POST = withPublic(async ({ req }) => noContent({ headers: { "set-cookie": clearedSessionCookie(req) } }));
