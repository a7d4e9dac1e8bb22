// Bearer tokens: who the token belongs to, and its rate limit. The statement that finds a valid
// token also counts the request in the token's current minute (a fixed window on the database's
// clock, shared by every process), so a request costs the one statement it cost before the limit
// existed. A fixed window lets a client make up to twice the limit across a minute boundary; the
// headers say when the window resets. Unknown, revoked and expired tokens take a second query to
// say which, and are not counted.
import { ApiError } from "../api/errors";
import { db, pool } from "../db";
import { hashToken, TOKEN_PREFIX } from "./token-format";

export const TOKEN_REQUESTS_PER_MINUTE = 600;

export type TokenRateLimit = { limit: number; remaining: number; resetSeconds: number };

type Row = {
  token_id: string;
  used: number;
  reset_seconds: number;
  id: string;
  email: string;
  name: string;
  created_at: Date;
};

/** `RateLimit-Limit`, `-Remaining` and `-Reset` (seconds), sent on every response to a bearer-token call. */
export function rateLimitHeaders(rate: TokenRateLimit): Record<string, string> {
  return {
    "ratelimit-limit": String(rate.limit),
    "ratelimit-remaining": String(rate.remaining),
    "ratelimit-reset": String(rate.resetSeconds),
  };
}

/** The user a bearer token belongs to; a clear 401 for unknown, revoked or expired tokens, 429 over the limit. */
export async function authenticateApiToken(token: string) {
  if (!token.startsWith(TOKEN_PREFIX)) throw new ApiError("unauthorized", "The API token is not valid");
  const tokenHash = hashToken(token);
  const { rows } = await pool().query<Row>(
    `UPDATE api_tokens t
     SET rate_window_count = CASE WHEN t.rate_window_start = date_trunc('minute', now())
                                  THEN t.rate_window_count + 1 ELSE 1 END,
         rate_window_start = date_trunc('minute', now()),
         last_used_at = now() AT TIME ZONE 'UTC'
     FROM users u
     WHERE t.token_hash = $1 AND u.id = t.user_id AND t.revoked_at IS NULL
       AND (t.expires_at IS NULL OR t.expires_at > now() AT TIME ZONE 'UTC')
     RETURNING t.id AS token_id, t.rate_window_count AS used,
               ceil(extract(epoch FROM date_trunc('minute', now()) + interval '1 minute' - now()))::int AS reset_seconds,
               u.id, u.email, u.name, u.created_at AT TIME ZONE 'UTC' AS created_at`,
    [tokenHash],
  );
  const row = rows[0];
  if (!row) throw await refusal(tokenHash);
  const rate: TokenRateLimit = {
    limit: TOKEN_REQUESTS_PER_MINUTE,
    remaining: Math.max(0, TOKEN_REQUESTS_PER_MINUTE - row.used),
    resetSeconds: Math.max(1, row.reset_seconds),
  };
  if (row.used > TOKEN_REQUESTS_PER_MINUTE) {
    throw new ApiError(
      "rate_limited",
      `This API token made more than ${TOKEN_REQUESTS_PER_MINUTE} requests this minute. Try again in ${rate.resetSeconds} seconds.`,
      { headers: { ...rateLimitHeaders(rate), "retry-after": String(rate.resetSeconds) } },
    );
  }
  const user = { id: row.id, email: row.email, name: row.name, createdAt: row.created_at };
  return { user, tokenId: row.token_id, rate };
}

async function refusal(tokenHash: string): Promise<ApiError> {
  const found = await db().apiToken.findUnique({ where: { tokenHash }, select: { revokedAt: true } });
  if (!found) return new ApiError("unauthorized", "The API token is not valid");
  if (found.revokedAt) return new ApiError("unauthorized", "The API token has been revoked");
  return new ApiError("unauthorized", "The API token has expired");
}
