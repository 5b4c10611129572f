// Login throttling (docs/decisions/0008-sign-in-throttling.md). Three counters of failed sign-ins:
//   "pair:{email}|{address}"  one account from one address: a few free failures, waits, then a lock;
//   "ip:{address}"            one address across accounts (spraying); room for a newsroom behind a NAT;
//   "account:{email}"         one account from everywhere: caps guessing from many (spoofed, rented)
//                             addresses, but it does not hold back an address the account signed in
//                             from before, so an attacker can make it stop strangers, never the owner.
// Counters are kept for any e-mail, existing or not, so the throttle never tells which accounts exist.
import { db } from '@/lib/db/client';

export type ThrottlePolicy = {
  /** Failures allowed before any wait. */
  free: number;
  /** Failures at which the key locks. */
  lockAt: number;
  lockMs: number;
  /** Longest wait between attempts before the lock. */
  maxDelayMs: number;
  /** A key whose last failure is older than this starts again from zero. */
  forgetAfterMs: number;
};

const hour = 60 * 60_000;
export const pairPolicy: ThrottlePolicy = { free: 3, lockAt: 8, lockMs: 15 * 60_000, maxDelayMs: 30_000, forgetAfterMs: hour };
// One address may be a newsroom behind one NAT: far more room than one account gets.
export const addressPolicy: ThrottlePolicy = { free: 20, lockAt: 60, lockMs: 15 * 60_000, maxDelayMs: 30_000, forgetAfterMs: hour };
// All addresses together against one account: at most 30 guesses per lock period (about 25 minutes).
export const accountPolicy: ThrottlePolicy = { free: 10, lockAt: 30, lockMs: 15 * 60_000, maxDelayMs: 30_000, forgetAfterMs: hour };

/** Rows older than this count for nothing (no policy remembers longer), once their lock is over too. */
export const throttleMemoryMs = Math.max(pairPolicy.forgetAfterMs, addressPolicy.forgetAfterMs, accountPolicy.forgetAfterMs);

const normalEmail = (email: string) => email.trim().toLowerCase();
export const accountKey = (email: string): string => `account:${normalEmail(email)}`;
export const addressKey = (ip: string): string => `ip:${ip || 'unknown'}`;
export const pairKey = (email: string, ip: string): string => `pair:${normalEmail(email)}|${ip || 'unknown'}`;

type Row = { failures: number; lastFailure: Date; lockedUntil: Date | null };

/** Milliseconds this key must still wait before the next attempt (0: go ahead). */
export function waitFor(row: Row | null, policy: ThrottlePolicy, now: number): number {
  if (!row) return 0;
  if (row.lockedUntil && row.lockedUntil.getTime() > now) return row.lockedUntil.getTime() - now;
  if (now - row.lastFailure.getTime() > policy.forgetAfterMs) return 0;
  if (row.failures < policy.free) return 0;
  const delay = Math.min(policy.maxDelayMs, 1000 * 2 ** (row.failures - policy.free));
  return Math.max(0, row.lastFailure.getTime() + delay - now);
}

export type ThrottleVerdict = { allowed: true } | { allowed: false; retryAfterMs: number; locked: boolean };

export async function checkThrottle(keys: ReadonlyArray<readonly [string, ThrottlePolicy]>, now = Date.now()): Promise<ThrottleVerdict> {
  const rows = await db.loginThrottle.findMany({ where: { key: { in: keys.map(([key]) => key) } } });
  let worst = 0;
  let locked = false;
  for (const [key, policy] of keys) {
    const row = rows.find((candidate) => candidate.key === key) ?? null;
    const wait = waitFor(row, policy, now);
    if (wait > worst) worst = wait;
    if (row?.lockedUntil && row.lockedUntil.getTime() > now) locked = true;
  }
  return worst > 0 ? { allowed: false, retryAfterMs: worst, locked } : { allowed: true };
}

/** Counts one failure on each key; returns true when this failure locked one of them. */
export async function recordFailure(keys: ReadonlyArray<readonly [string, ThrottlePolicy]>, now = Date.now()): Promise<boolean> {
  let lockedNow = false;
  for (const [key, policy] of keys) {
    const at = new Date(now);
    lockedNow =
      (await db.$transaction(async (tx) => {
        const row = await tx.loginThrottle.findUnique({ where: { key } });
        const stale = !row || now - row.lastFailure.getTime() > policy.forgetAfterMs || (row.lockedUntil !== null && row.lockedUntil.getTime() <= now);
        const failures = stale ? 1 : row.failures + 1;
        const lockedUntil = failures >= policy.lockAt ? new Date(now + policy.lockMs) : null;
        await tx.loginThrottle.upsert({
          where: { key },
          create: { key, failures, lastFailure: at, lockedUntil },
          update: { failures, lastFailure: at, lockedUntil },
        });
        return lockedUntil !== null;
      })) || lockedNow;
  }
  return lockedNow;
}

export async function clearThrottle(key: string): Promise<void> {
  await db.loginThrottle.deleteMany({ where: { key } });
}

/** "3 seconds", "15 minutes": how a wait is said to the person at the form. */
export function describeWait(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  if (seconds < 90) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}
