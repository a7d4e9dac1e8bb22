// The session a page's request was made with, read from its cookie by the same code as the API's
// (sessionClaims), so that a server-rendered list marks the same session `current` as
// GET /api/v1/sessions would.
import { headers } from "next/headers";
import { sessionClaims } from "./session";

/**
 * The id of the session the request's cookie names, when it is the signed-in user's; otherwise
 * null. Next.js sets x-forwarded-proto on every request it serves: it tells which cookie name to
 * read (the __Secure- one over https), as it does for the API.
 */
export async function currentSessionId(userId: string): Promise<string | null> {
  const incoming = await headers();
  const request = new Request("http://localhost/", {
    headers: { cookie: incoming.get("cookie") ?? "", "x-forwarded-proto": incoming.get("x-forwarded-proto") ?? "http" },
  });
  const claims = await sessionClaims(request);
  return claims?.userId === userId ? claims.sessionId : null;
}
