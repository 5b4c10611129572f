import { describe, expect, it } from 'vitest';
import { purgeStaleSignIns, startSignInHousekeeping } from '@/lib/auth/housekeeping';
import { db } from '@/lib/db/client';
import { createUser } from '@/lib/users/commands';

const minutes = (count: number) => count * 60_000;
const password = 'Quill-Harbour-Lantern-42';

describe('purging', () => {
  it('deletes exactly the expired and idle sessions and the throttle rows nothing counts any more', async () => {
    const { id } = await createUser({ email: 'purge@example.org', role: 'writer', password });
    const now = Date.parse('2034-06-01T12:00:00Z');
    const row = (name: string, expiresAt: number, lastSeenAt: number) => ({ id: name, userId: id, expiresAt: new Date(expiresAt), lastSeenAt: new Date(lastSeenAt) });
    await db.session.createMany({
      data: [
        row('expired', now - 1, now - minutes(1)),
        row('idle', now + minutes(600), now - minutes(121)),
        row('live', now + minutes(600), now - minutes(5)),
        row('nearly-idle', now + minutes(600), now - minutes(119)),
      ],
    });
    await db.loginThrottle.createMany({
      data: [
        { key: 'ip:old', failures: 4, lastFailure: new Date(now - minutes(61)) },
        { key: 'ip:old-lock-over', failures: 60, lastFailure: new Date(now - minutes(70)), lockedUntil: new Date(now - minutes(55)) },
        { key: 'ip:recent', failures: 2, lastFailure: new Date(now - minutes(59)) },
        { key: 'account:still-locked@example.org', failures: 30, lastFailure: new Date(now - minutes(61)), lockedUntil: new Date(now + minutes(1)) },
      ],
    });
    expect(await purgeStaleSignIns(now)).toEqual({ sessions: 2, throttles: 2 });
    expect((await db.session.findMany({ where: { userId: id }, orderBy: { id: 'asc' } })).map((session) => session.id)).toEqual(['live', 'nearly-idle']);
    expect((await db.loginThrottle.findMany({ orderBy: { key: 'asc' } })).map((throttle) => throttle.key)).toEqual(['account:still-locked@example.org', 'ip:recent']);
  });

  it('runs on its own once started (the server starts it from instrumentation.ts)', async () => {
    const { id } = await createUser({ email: 'scheduled@example.org', role: 'writer', password });
    await db.session.create({ data: { id: 'long-expired', userId: id, expiresAt: new Date(Date.now() - minutes(10)) } });
    const stop = startSignInHousekeeping();
    try {
      await expect.poll(() => db.session.count({ where: { id: 'long-expired' } }), { timeout: 10_000 }).toBe(0);
    } finally {
      stop();
    }
  });
});
