// The counters every password check goes through (sign-in, password change): per account, so
// that guessing one account's password is slow from any number of addresses, and per client
// address, so that one address cannot try a few passwords on every account. Sign-in and sign-up
// answer 429 with Retry-After once one is locked.
import type { AttemptCounter, AttemptPolicy } from "./attempt-limiter";
import { addressBucket } from "./client-address";

const DAY_SECONDS = 24 * 60 * 60;

/** 5 wrong passwords, then 15 s, 30 s, 1 min, … up to 1 h between attempts; forgotten after a quiet day. */
export const ACCOUNT_POLICY: AttemptPolicy = {
  freeFailures: 5,
  firstLockSeconds: 15,
  maxLockSeconds: 60 * 60,
  forgetAfterSeconds: DAY_SECONDS,
};

/** An address (a household, an office behind one NAT) gets more room before the same backoff. */
export const ADDRESS_POLICY: AttemptPolicy = { ...ACCOUNT_POLICY, freeFailures: 20 };

export function passwordCounters(email: string, address: string): AttemptCounter[] {
  return [
    { key: `password:account:${email}`, policy: ACCOUNT_POLICY, onSuccess: "reset" },
    { key: `password:address:${addressBucket(address)}`, policy: ADDRESS_POLICY, onSuccess: "refund" },
  ];
}
