// Deleting what sign-ins leave behind: sessions past their expiry or their idle limit (findSessionUser
// refuses them anyway; this keeps the table from growing) and throttle rows no policy counts any more.
// Every server runs it from instrumentation.ts at start and every few minutes; with several instances
// they run it side by side, which is harmless (two deletes of the same rows).
import { idleLimitMs } from '@/lib/auth/session';
import { throttleMemoryMs } from '@/lib/auth/throttle';
import { db } from '@/lib/db/client';

export const housekeepingEveryMs = 5 * 60_000;

export async function purgeStaleSignIns(now = Date.now()): Promise<{ sessions: number; throttles: number }> {
  const sessions = await db.session.deleteMany({
    where: { OR: [{ expiresAt: { lte: new Date(now) } }, { lastSeenAt: { lt: new Date(now - idleLimitMs()) } }] },
  });
  const throttles = await db.loginThrottle.deleteMany({
    where: {
      lastFailure: { lt: new Date(now - throttleMemoryMs) },
      OR: [{ lockedUntil: null }, { lockedUntil: { lte: new Date(now) } }],
    },
  });
  return { sessions: sessions.count, throttles: throttles.count };
}

/** Purges now and then every few minutes, until the returned function is called. */
export function startSignInHousekeeping(): () => void {
  const run = () => {
    purgeStaleSignIns().catch((error: unknown) => console.error('[lede] Purging old sessions and sign-in throttles failed:', error));
  };
  const timer = setInterval(run, housekeepingEveryMs);
  // Never the reason a process stays alive.
  timer.unref();
  run();
  return () => clearInterval(timer);
}
