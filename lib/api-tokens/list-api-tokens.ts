import { db } from "../db";

/** The user's active (not revoked) tokens, newest first. */
export function listApiTokens(userId: string) {
  return db().apiToken.findMany({ where: { userId, revokedAt: null }, orderBy: { createdAt: "desc" } });
}
