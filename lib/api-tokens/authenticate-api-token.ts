import { ApiError } from "../api/errors";
import { db } from "../db";
import { hashToken, TOKEN_PREFIX } from "./token-format";

// last_used_at is informational: refreshing it at most once a minute avoids a write per request.
const LAST_USED_RESOLUTION_MS = 60_000;

/** The user a bearer token belongs to; a clear 401 for unknown, revoked or expired tokens. */
export async function authenticateApiToken(token: string, now = new Date()) {
  if (!token.startsWith(TOKEN_PREFIX)) throw new ApiError("unauthorized", "The API token is not valid");
  const found = await db().apiToken.findUnique({ where: { tokenHash: hashToken(token) }, include: { user: true } });
  if (!found) throw new ApiError("unauthorized", "The API token is not valid");
  if (found.revokedAt) throw new ApiError("unauthorized", "The API token has been revoked");
  if (found.expiresAt && found.expiresAt <= now) throw new ApiError("unauthorized", "The API token has expired");
  if (!found.lastUsedAt || now.getTime() - found.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await db().apiToken.update({ where: { id: found.id }, data: { lastUsedAt: now } });
  }
  return { user: found.user, tokenId: found.id };
}
