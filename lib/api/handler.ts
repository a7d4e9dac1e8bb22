// The one wrapper every API route goes through: it authenticates (session cookie or bearer token),
// awaits the route params, and owns the only try/catch, mapping every error to the JSON error body.
import type { NextRequest } from "next/server";
import { authenticateApiToken } from "../api-tokens/authenticate-api-token";
import { sessionUserId } from "../auth/session";
import { getUser } from "../users/get-user";
import { ApiError, errorResponse, toApiError } from "./errors";

export type AuthUser = { id: string; email: string; name: string; createdAt: Date };
export type Authentication = { kind: "session" } | { kind: "api_token"; tokenId: string };

type RouteSegment = { params: Promise<Record<string, string | string[]>> };
type RouteHandler = (req: NextRequest, segment: RouteSegment) => Promise<Response>;

export type PublicContext<P> = { req: NextRequest; params: P };
export type UserContext<P> = PublicContext<P> & { user: AuthUser; authentication: Authentication };

async function authenticate(req: NextRequest): Promise<{ user: AuthUser; authentication: Authentication }> {
  const header = req.headers.get("authorization");
  if (header) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match) throw new ApiError("unauthorized", "The Authorization header must be `Bearer <token>`");
    const { user, tokenId } = await authenticateApiToken(match[1]);
    return { user, authentication: { kind: "api_token", tokenId } };
  }
  const userId = await sessionUserId(req);
  const user = userId ? await getUser(userId) : null;
  if (!user) {
    throw new ApiError("unauthorized", "Sign in, or send an API token as `Authorization: Bearer <token>`");
  }
  return { user, authentication: { kind: "session" } };
}

/** A route for anyone (sign-up, sign-in). */
export function withPublic<P = Record<string, never>>(
  handler: (ctx: PublicContext<P>) => Promise<Response>,
): RouteHandler {
  return async (req, segment) => {
    try {
      return await handler({ req, params: (await segment.params) as P });
    } catch (error) {
      return errorResponse(toApiError(error));
    }
  };
}

/** A route for a signed-in user or an API token holder. */
export function withUser<P = Record<string, never>>(handler: (ctx: UserContext<P>) => Promise<Response>): RouteHandler {
  return async (req, segment) => {
    try {
      const { user, authentication } = await authenticate(req);
      return await handler({ req, params: (await segment.params) as P, user, authentication });
    } catch (error) {
      return errorResponse(toApiError(error));
    }
  };
}
