// Signing in, apart from cookies and headers so it can be tested outside Next: throttle first, then
// one password check whose cost is the same whether or not the account exists, then a session.
import { z } from 'zod';
import { audit } from '@/lib/audit/log';
import { verifyAgainstDummy, verifyPassword } from '@/lib/auth/password';
import { createSession, type SessionUser } from '@/lib/auth/session';
import { accountKey, accountPolicy, addressKey, addressPolicy, checkThrottle, clearThrottle, describeWait, recordFailure } from '@/lib/auth/throttle';
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

export async function signIn(input: unknown, client: { ip: string; userAgent: string }, now = Date.now()): Promise<SignInResult> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? 'Enter your e-mail address and password.' };
  const { email, password } = parsed.data;
  const keys = [
    [accountKey(email), accountPolicy],
    [addressKey(client.ip), addressPolicy],
  ] as const;

  const verdict = await checkThrottle(keys, now);
  if (!verdict.allowed) {
    const wait = describeWait(verdict.retryAfterMs);
    return {
      ok: false,
      retryAfterMs: verdict.retryAfterMs,
      message: verdict.locked
        ? `Too many failed sign-ins. Signing in is locked for ${wait}.`
        : `Too many failed sign-ins. Wait ${wait} before trying again.`,
    };
  }

  const user = await db.user.findUnique({ where: { email } });
  const valid = user && !user.disabled ? await verifyPassword(user.passwordHash, password) : await verifyAgainstDummy(password);
  if (!user || user.disabled || !valid) {
    const locked = await recordFailure(keys, now);
    await audit({ action: locked ? 'sign-in.locked' : 'sign-in.failed', actorId: null, detail: email.slice(0, 320), ip: client.ip });
    return { ok: false, message: wrongCredentialsMessage };
  }

  await clearThrottle(accountKey(email));
  const session = await createSession(user.id, client);
  await audit({ action: 'sign-in', actorId: user.id, targetType: 'user', targetId: user.id, ip: client.ip });
  return { ok: true, token: session.token, expiresAt: session.expiresAt, user: { id: user.id, email: user.email, name: user.name, role: user.role } };
}
