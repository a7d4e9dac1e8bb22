import { createUser } from "../users/create-user";
import type { SignUpInput } from "../validations/user";
import { type AttemptCounter, countAttempt } from "./attempt-limiter";
import { addressBucket } from "./client-address";
import { ACCOUNT_POLICY, ADDRESS_POLICY } from "./password-attempts";

// A failed sign-up is one for an e-mail that already has an account: the answer (409) tells that
// the account exists, so probing for accounts is slowed like guessing passwords. Invalid input is
// refused before anything is counted; an account created takes its attempt back.
function signUpCounters(email: string, address: string): AttemptCounter[] {
  return [
    { key: `sign-up:email:${email}`, policy: ACCOUNT_POLICY, onSuccess: "refund" },
    { key: `sign-up:address:${addressBucket(address)}`, policy: ADDRESS_POLICY, onSuccess: "refund" },
  ];
}

/** Sign-up under the attempt limits: the new account, or 409 for a taken e-mail, or 429 while locked out. */
export async function signUp(input: SignUpInput, address: string) {
  const attempt = await countAttempt(signUpCounters(input.email, address), "Too many sign-up attempts.");
  const user = await createUser(input);
  await attempt.succeeded();
  return user;
}
