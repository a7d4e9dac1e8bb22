// The one wrapper every API route goes through: it authenticates (session cookie or bearer token),
// refuses cross-site cookie requests, awaits the route params, and owns the only try/catch,
// mapping every error to the JSON error body.
import type { NextRequest } from "next/server";
import { authenticateApiToken, rateLimitHeaders } from "../api-tokens/authenticate-api-token";
import { crossSiteRefusal } from "../auth/same-origin";
import { hasSessionCookie, sessionClaims } from "../auth/session";
import { activeSession, type SessionUser } from "../auth/sessions/active-session";
import { ApiError, errorResponse, toApiError } from "./errors";

export type AuthUser = SessionUser;
export type Authentication = { kind: "session"; sessionId: string } | { kind: "api_token"; tokenId: string };

type RouteSegment = { params: Promise<Record<string, string | string[]>> };
type RouteHandler = (req: NextRequest, segment: RouteSegment) => Promise<Response>;

export type PublicContext<P> = { req: NextRequest; params: P };
export type UserContext<P> = PublicContext<P> & { user: AuthUser; authentication: Authentication };

type Authenticated = { user: AuthUser; authentication: Authentication; headers?: Record<string, string> };

async function authenticate(req: NextRequest): Promise<Authenticated> {
  const header = req.headers.get("authorization");
  if (header) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match) throw new ApiError("unauthorized", "The Authorization header must be `Bearer <token>`");
    const { user, tokenId, rate } = await authenticateApiToken(match[1]);
    return { user, authentication: { kind: "api_token", tokenId }, headers: rateLimitHeaders(rate) };
  }
  const claims = await sessionClaims(req);
  if (!claims) throw new ApiError("unauthorized", "Sign in, or send an API token as `Authorization: Bearer <token>`");
  const session = await activeSession(claims.sessionId);
  if (!session || session.userId !== claims.userId) {
    throw new ApiError("unauthorized", "This session has ended (signed out or expired); sign in again");
  }
  refuseCrossSite(req);
  return { user: session.user, authentication: { kind: "session", sessionId: session.id } };
}

function refuseCrossSite(req: Request): void {
  const refusal = crossSiteRefusal(req);
  if (refusal) {
    throw new ApiError(
      "forbidden",
      `Cross-site request refused: a change made with the session cookie must come from this app's own pages, and ${refusal}. Other clients use an API token.`,
    );
  }
}

function withHeaders(res: Response, headers: Record<string, string> | undefined): Response {
  if (!headers) return res;
  for (const [name, value] of Object.entries(headers)) res.headers.set(name, value);
  return res;
}

/** A route for anyone (sign-up, sign-in, sign-out); a session cookie sent along is still kept from cross-site posts. */
export function withPublic<P = Record<string, never>>(
  handler: (ctx: PublicContext<P>) => Promise<Response>,
): RouteHandler {
  return async (req, segment) => {
    try {
      if (hasSessionCookie(req)) refuseCrossSite(req);
      return await handler({ req, params: (await segment.params) as P });
    } catch (error) {
      return errorResponse(toApiError(error));
    }
  };
}

/** A route for a signed-in user or an API token holder. Bearer-token responses carry the token's RateLimit headers. */
export function withUser<P = Record<string, never>>(handler: (ctx: UserContext<P>) => Promise<Response>): RouteHandler {
  return async (req, segment) => {
    let headers: Record<string, string> | undefined;
    try {
      const { user, authentication, headers: authHeaders } = await authenticate(req);
      headers = authHeaders;
      return withHeaders(await handler({ req, params: (await segment.params) as P, user, authentication }), headers);
    } catch (error) {
      return withHeaders(errorResponse(toApiError(error)), headers);
    }
  };
}
