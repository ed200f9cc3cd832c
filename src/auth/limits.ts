import type { Limit } from "./rate-limit";

/**
 * What each guarded action may do, per window. Pure: the keys and numbers only; `acquire` counts.
 * The README's security section explains the numbers.
 */
const MINUTE = 60_000;
const FIFTEEN_MINUTES = 15 * MINUTE;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** No limit counts over a longer window, so older counters can be forgotten. */
export const LONGEST_WINDOW_MS = DAY;

/**
 * Log-in. A browser that has logged in to this account before (it holds a signed device
 * cookie naming the account) is limited per device, so no stranger can use up its attempts.
 * Any other caller is limited per address across emails, per account and address, and per
 * account across addresses; the per-account budget is larger than one address can spend, so a
 * stranger on one address never blocks the owner, and it bounds guessing from many addresses.
 */
export function loginLimits(email: string, address: string, trustedDeviceId: string | null) {
  if (trustedDeviceId) {
    return [{ key: `login:device:${trustedDeviceId}`, max: 10, windowMs: FIFTEEN_MINUTES }];
  }
  return [
    { key: `login:address:${address}`, max: 30, windowMs: FIFTEEN_MINUTES },
    { key: `login:account-address:${email}|${address}`, max: 5, windowMs: FIFTEEN_MINUTES },
    { key: `login:account:${email}`, max: 30, windowMs: HOUR },
  ] satisfies Limit[];
}

/**
 * Guessing a class or resume code, per address: room for a class of 35 behind one school
 * address to mistype, with a daily cap that keeps enumeration infeasible. Joiners are also
 * limited per name typed, so one learner's typos slow that learner before the school's address.
 */
export function codeGuessLimits(kind: "join" | "resume", address: string, name?: string) {
  const limits: Limit[] = [
    { key: `${kind}:address-day:${address}`, max: 300, windowMs: DAY },
    { key: `${kind}:address:${address}`, max: 60, windowMs: FIFTEEN_MINUTES },
  ];
  if (name) {
    const person = `${kind}:person:${address}|${name.toLowerCase()}`;
    limits.push({ key: person, max: 10, windowMs: FIFTEEN_MINUTES });
  }
  return limits;
}

/** Guest accounts (no class code) created from one address per minute. */
export const guestSignupLimits = (address: string, perMinute: number): Limit[] => [
  { key: `signup:guest:${address}`, max: perMinute, windowMs: MINUTE },
];
