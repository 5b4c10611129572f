// Signing in, apart from cookies and headers so it can be tested outside Next: throttle first (three
// counters, lib/auth/throttle.ts), then one password check whose cost is the same whether or not the
// account exists, then a session.
import { z } from 'zod';
import { audit } from '@/lib/audit/log';
import { verifyAgainstDummy, verifyPassword } from '@/lib/auth/password';
import { createSession, type SessionUser } from '@/lib/auth/session';
import { accountKey, accountPolicy, addressKey, addressPolicy, checkThrottle, clearThrottle, describeWait, pairKey, pairPolicy, recordFailure } from '@/lib/auth/throttle';
import { db } from '@/lib/db/client';

export const signInSchema = z.object({
  email: z.string().trim().toLowerCase().min(1, 'Enter your e-mail address.').max(320),
  // An upper bound keeps a megabyte "password" from tying up the hasher.
  password: z.string().min(1, 'Enter your password.').max(1024),
});

export type SignInResult =
  | { ok: true; token: string; expiresAt: Date; user: SessionUser }
  | { ok: false; message: string; retryAfterMs?: number };

// One message for an unknown e-mail, a wrong password and a disabled account: no user enumeration.
export const wrongCredentialsMessage = 'That e-mail address and password do not match an account.';

const refusal = (verdict: { retryAfterMs: number; locked: boolean }): SignInResult => {
  const wait = describeWait(verdict.retryAfterMs);
  return {
    ok: false,
    retryAfterMs: verdict.retryAfterMs,
    message: verdict.locked ? `Too many failed sign-ins. Signing in is locked for ${wait}.` : `Too many failed sign-ins. Wait ${wait} before trying again.`,
  };
};

/** Whether this account has signed in from this address before (the audit log keeps every sign-in). */
async function signedInFrom(userId: number, ip: string): Promise<boolean> {
  const entry = await db.auditEntry.findFirst({ where: { targetType: 'user', targetId: String(userId), action: 'sign-in', ip }, select: { id: true } });
  return entry !== null;
}

let warnedUnknownAddress = false;

export async function signIn(input: unknown, client: { ip: string; userAgent: string }, now = Date.now()): Promise<SignInResult> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? 'Enter your e-mail address and password.' };
  const { email, password } = parsed.data;
  const { ip } = client;
  if (!ip && !warnedUnknownAddress) {
    warnedUnknownAddress = true;
    console.warn('[lede] Sign-in without a client address: serve Lede with scripts/serve.mjs (npm start does), not a bare `next start`, or sign-ins are throttled per account only.');
  }
  const account = [accountKey(email), accountPolicy] as const;
  // Without a known address only the account-wide counter can be kept (and an attacker could then stop the owner too).
  const local = ip ? ([[pairKey(email, ip), pairPolicy], [addressKey(ip), addressPolicy]] as const) : [];

  const near = await checkThrottle(local, now);
  if (!near.allowed) return refusal(near);
  const user = await db.user.findUnique({ where: { email } });
  const wide = await checkThrottle([account], now);
  // The account-wide counter stops strangers only. The look-up runs for unknown e-mails too (id -1), so
  // its cost tells nothing about which accounts exist.
  if (!wide.allowed && !(ip && (await signedInFrom(user?.id ?? -1, ip)))) return refusal(wide);

  const valid = user && !user.disabled ? await verifyPassword(user.passwordHash, password) : await verifyAgainstDummy(password);
  if (!user || user.disabled || !valid) {
    const locked = await recordFailure([...local, account], now);
    await audit({ action: locked ? 'sign-in.locked' : 'sign-in.failed', actorId: null, detail: email.slice(0, 320), ip });
    return { ok: false, message: wrongCredentialsMessage };
  }

  // Only this address's counter is cleared: the owner's success must not give an attacker elsewhere a
  // fresh allowance against the account.
  if (ip) await clearThrottle(pairKey(email, ip));
  const session = await createSession(user.id, client);
  await audit({ action: 'sign-in', actorId: user.id, targetType: 'user', targetId: user.id, ip });
  return { ok: true, token: session.token, expiresAt: session.expiresAt, user: { id: user.id, email: user.email, name: user.name, role: user.role } };
}
