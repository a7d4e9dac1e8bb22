import { ApiError } from "../api/errors";
import { verifyCredentials } from "../users/verify-credentials";
import type { SignInInput } from "../validations/user";
import { countAttempt } from "./attempt-limiter";
import { passwordCounters } from "./password-attempts";

/**
 * Sign-in's password check, for the API and for Auth.js's own credentials route: the user, or
 * 401 for a wrong e-mail or password, or 429 while the account or the address is locked out.
 */
export async function verifySignIn(input: SignInInput, address: string) {
  const attempt = await countAttempt(passwordCounters(input.email, address), "Too many failed sign-in attempts.");
  const user = await verifyCredentials(input);
  if (!user) throw new ApiError("invalid_credentials", "The e-mail address or password is incorrect");
  await attempt.succeeded();
  return user;
}
