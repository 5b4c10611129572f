// Database sessions. The browser holds a random token; the database holds only its SHA-256, so a
// leaked database copy cannot be replayed as cookies. Sessions expire and can be revoked one by one
// or all at once for a user (password change, disabling). They end at SESSION_DAYS after sign-in, or
// sooner after SESSION_IDLE_MINUTES without use; lib/auth/housekeeping.ts deletes what has ended.
import { createHash, randomBytes } from 'node:crypto';
import { config } from '@/lib/config';
import { db } from '@/lib/db/client';
import type { Role } from '@/lib/generated/prisma/client';

export type SessionUser = { id: number; email: string; name: string; role: Role };

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export async function createSession(userId: number, client: { userAgent?: string; ip?: string } = {}): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + config.SESSION_DAYS * 24 * 60 * 60 * 1000);
  await db.session.create({
    data: {
      id: hashToken(token),
      userId,
      expiresAt,
      userAgent: (client.userAgent ?? '').slice(0, 300),
      ip: (client.ip ?? '').slice(0, 100),
    },
  });
  return { token, expiresAt };
}

// lastSeenAt dates the last use: a session unused for SESSION_IDLE_MINUTES ends. Writing it once a
// minute is enough (the idle limit is far longer) and spares a write on every request.
const touchEveryMs = 60_000;

export const idleLimitMs = (): number => config.SESSION_IDLE_MINUTES * 60_000;

/** The signed-in user behind a cookie token, or null when it is unknown, expired, idle too long, or the user is disabled. */
export async function findSessionUser(token: string | undefined | null): Promise<SessionUser | null> {
  if (!token || token.length > 200) return null;
  const id = hashToken(token);
  const session = await db.session.findUnique({ where: { id }, include: { user: true } });
  if (!session) return null;
  const now = Date.now();
  if (session.expiresAt.getTime() <= now || now - session.lastSeenAt.getTime() > idleLimitMs() || session.user.disabled) {
    await db.session.deleteMany({ where: { id } });
    return null;
  }
  if (now - session.lastSeenAt.getTime() > touchEveryMs) {
    await db.session.updateMany({ where: { id }, data: { lastSeenAt: new Date(now) } });
  }
  const { user } = session;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

export async function revokeSession(token: string | undefined | null): Promise<void> {
  if (!token) return;
  await db.session.deleteMany({ where: { id: hashToken(token) } });
}

export async function revokeUserSessions(userId: number): Promise<number> {
  const { count } = await db.session.deleteMany({ where: { userId } });
  return count;
}
