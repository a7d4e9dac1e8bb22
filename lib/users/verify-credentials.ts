import { verifyPassword } from "../auth/password";
import { db } from "../db";
import type { SignInInput } from "../validations/user";

/** The user whose e-mail and password these are, or null; equally slow either way. */
export async function verifyCredentials(input: SignInInput) {
  const user = await db().user.findUnique({
    where: { email: input.email },
    omit: { passwordHash: false },
  });
  const ok = await verifyPassword(user?.passwordHash ?? null, input.password);
  if (!user || !ok) return null;
  const { passwordHash: _hash, ...safe } = user;
  return safe;
}
