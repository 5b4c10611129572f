import { describe, expect, it } from 'vitest';
import { createSession, findSessionUser, hashToken } from '@/lib/auth/session';
import { config } from '@/lib/config';
import { db } from '@/lib/db/client';
import { createUser } from '@/lib/users/commands';

const minutes = (count: number) => count * 60_000;
const password = 'Quill-Harbour-Lantern-42';

describe('idle sessions', () => {
  it('ends a session left idle for longer than SESSION_IDLE_MINUTES (120 by default), and activity keeps one alive', async () => {
    const { id } = await createUser({ email: 'idle@example.org', role: 'writer', password });
    const idle = await createSession(id);
    const active = await createSession(id);
    const now = Date.now();
    await db.session.update({ where: { id: hashToken(idle.token) }, data: { lastSeenAt: new Date(now - minutes(121)) } });
    await db.session.update({ where: { id: hashToken(active.token) }, data: { lastSeenAt: new Date(now - minutes(119)) } });
    expect(await findSessionUser(idle.token)).toBeNull();
    expect(await db.session.count({ where: { id: hashToken(idle.token) } })).toBe(0);
    expect((await findSessionUser(active.token))?.email).toBe('idle@example.org');
    // The use just now slid its idle deadline: it was written, because it was older than a minute.
    const touched = await db.session.findUniqueOrThrow({ where: { id: hashToken(active.token) } });
    expect(touched.lastSeenAt.getTime()).toBeGreaterThanOrEqual(now);
    expect(config.SESSION_IDLE_MINUTES).toBe(120);
  });

  it('does not write on every request: a session seen less than a minute ago is left as it is', async () => {
    const { id } = await createUser({ email: 'busy@example.org', role: 'writer', password });
    const session = await createSession(id);
    const seen = new Date(Date.now() - 30_000);
    await db.session.update({ where: { id: hashToken(session.token) }, data: { lastSeenAt: seen } });
    expect((await findSessionUser(session.token))?.email).toBe('busy@example.org');
    expect((await db.session.findUniqueOrThrow({ where: { id: hashToken(session.token) } })).lastSeenAt.getTime()).toBe(seen.getTime());
  });
});
