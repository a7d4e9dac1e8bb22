import { ApiError } from "../api/errors";
import { countAttempt } from "../auth/attempt-limiter";
import { hashPassword } from "../auth/password";
import { passwordCounters } from "../auth/password-attempts";
import { endUserSessions } from "../auth/sessions/end-user-sessions";
import { db } from "../db";
import type { ChangePasswordInput } from "./password-schema";
import { verifyCredentials } from "./verify-credentials";

/**
 * A new password, after the current one is checked under the same attempt limits as sign-in. Every
 * other session ends (the one making the change stays signed in). The sessions end first: should
 * the update then fail, the old password still works and nothing was left open.
 */
export async function changePassword(
  user: { id: string; email: string },
  input: ChangePasswordInput,
  client: { address: string; sessionId: string | null },
) {
  const attempt = await countAttempt(passwordCounters(user.email, client.address), "Too many wrong passwords.");
  const verified = await verifyCredentials({ email: user.email, password: input.currentPassword });
  if (!verified) throw ApiError.field("currentPassword", "is not your current password");
  await attempt.succeeded();
  await endUserSessions(user.id, { except: client.sessionId ?? undefined });
  await db().user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(input.newPassword) } });
}
