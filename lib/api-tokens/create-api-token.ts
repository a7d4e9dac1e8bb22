import { ApiError } from "../api/errors";
import { db } from "../db";
import { type CreateApiTokenInput, MAX_API_TOKENS_PER_USER } from "../validations/api-token";
import { generateToken } from "./token-format";

const DAY_MS = 24 * 60 * 60 * 1000;

/** A new personal API token; the token text is returned here and never again. */
export async function createApiToken(userId: string, input: CreateApiTokenInput, now = new Date()) {
  const { token, prefix, hash } = generateToken();
  const expiresAt = input.expiresInDays ? new Date(now.getTime() + input.expiresInDays * DAY_MS) : null;
  return db().$transaction(async (tx) => {
    const active = await tx.apiToken.count({ where: { userId, revokedAt: null } });
    if (active >= MAX_API_TOKENS_PER_USER) {
      throw new ApiError("limit_exceeded", `You can have at most ${MAX_API_TOKENS_PER_USER} active API tokens`);
    }
    const created = await tx.apiToken.create({
      data: { userId, name: input.name, prefix, tokenHash: hash, expiresAt, createdAt: now },
    });
    return { ...created, token };
  });
}
