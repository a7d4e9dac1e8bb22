import { ApiError } from "../api/errors";
import { db } from "../db";

/** Revoke one of the user's tokens; another user's token is "not found", not "forbidden". */
export async function revokeApiToken(userId: string, id: string) {
  const { count } = await db().apiToken.updateMany({
    where: { id, userId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (count === 0) throw ApiError.notFound("API token");
}
