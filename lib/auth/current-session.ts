// The session a page's request was made with, read from its cookie by the same code as the API's
// (sessionClaims), so that a server-rendered list marks the same session `current` as
// GET /api/v1/sessions would.
import { headers } from "next/headers";
import { sessionClaims } from "./session";

/**
 * The id of the session the request's cookie names, when it is the signed-in user's; otherwise
 * null. Next.js sets x-forwarded-proto on every request it serves, which tells the cookie's name
 * (the __Secure- one over https); the host does not matter to it.
 */
export async function currentSessionId(userId: string): Promise<string | null> {
  const requestHeaders = await headers();
  const protocol = requestHeaders.get("x-forwarded-proto") === "https" ? "https" : "http";
  const claims = await sessionClaims(new Request(`${protocol}://localhost/`, { headers: requestHeaders }));
  return claims?.userId === userId ? claims.sessionId : null;
}
