import { describe, expect, it } from 'vitest';
import { hashToken, findSessionUser, revokeSession } from '@/lib/auth/session';
import { signIn, wrongCredentialsMessage } from '@/lib/auth/sign-in';
import { accountKey, accountPolicy, waitFor } from '@/lib/auth/throttle';
import { db } from '@/lib/db/client';
import { createUser, setDisabled, setPassword } from '@/lib/users/commands';
import { ensureFirstAdmin } from '@/lib/users/bootstrap';

const client = { ip: '203.0.113.7', userAgent: 'vitest' };

describe('first admin', () => {
  it('creates one admin with a working random password, once', async () => {
    const first = await ensureFirstAdmin();
    expect(first?.email).toBe('admin@localhost');
    expect(first?.password.length).toBeGreaterThanOrEqual(20);
    const stored = await db.user.findUniqueOrThrow({ where: { email: 'admin@localhost' } });
    expect(stored.role).toBe('admin');
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
    expect(stored.passwordHash).not.toContain(first!.password);
    expect(await ensureFirstAdmin()).toBeNull();
    const result = await signIn({ email: 'ADMIN@localhost', password: first!.password }, client);
    expect(result.ok).toBe(true);
  });
});

describe('sign-in', () => {
  it('creates a session stored as a hash, found by the token and revocable', async () => {
    await createUser({ email: 'writer@example.org', role: 'writer', password: 'correct horse battery' });
    const result = await signIn({ email: 'writer@example.org', password: 'correct horse battery' }, client);
    if (!result.ok) throw new Error(result.message);
    const row = await db.session.findUniqueOrThrow({ where: { id: hashToken(result.token) } });
    expect(row.id).not.toBe(result.token);
    expect(row.ip).toBe(client.ip);
    expect((await findSessionUser(result.token))?.email).toBe('writer@example.org');
    await revokeSession(result.token);
    expect(await findSessionUser(result.token)).toBeNull();
  });

  it('says the same for an unknown e-mail, a wrong password and a disabled account', async () => {
    await createUser({ email: 'editor@example.org', role: 'editor', password: 'correct horse battery' });
    const unknown = await signIn({ email: 'nobody@example.org', password: 'whatever it is' }, { ...client, ip: '198.51.100.1' });
    const wrong = await signIn({ email: 'editor@example.org', password: 'wrong password!' }, { ...client, ip: '198.51.100.2' });
    await setDisabled('editor@example.org', true);
    const disabled = await signIn({ email: 'editor@example.org', password: 'correct horse battery' }, { ...client, ip: '198.51.100.3' });
    for (const result of [unknown, wrong, disabled]) expect(result).toEqual({ ok: false, message: wrongCredentialsMessage });
  });

  it('ends every session when the password changes or the account is disabled', async () => {
    await createUser({ email: 'moved@example.org', role: 'editor', password: 'correct horse battery' });
    const result = await signIn({ email: 'moved@example.org', password: 'correct horse battery' }, client);
    if (!result.ok) throw new Error(result.message);
    await setPassword('moved@example.org', 'a brand new password');
    expect(await findSessionUser(result.token)).toBeNull();
    expect((await signIn({ email: 'moved@example.org', password: 'a brand new password' }, client)).ok).toBe(true);
  });

  it('treats an expired session as none', async () => {
    await createUser({ email: 'late@example.org', role: 'writer', password: 'correct horse battery' });
    const result = await signIn({ email: 'late@example.org', password: 'correct horse battery' }, client);
    if (!result.ok) throw new Error(result.message);
    await db.session.update({ where: { id: hashToken(result.token) }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await findSessionUser(result.token)).toBeNull();
  });
});

describe('throttling', () => {
  it('slows down, then locks an account, whether or not it exists, and refuses even the right password', async () => {
    await createUser({ email: 'target@example.org', role: 'editor', password: 'correct horse battery' });
    for (const email of ['target@example.org', 'ghost@example.org']) {
      let now = Date.parse('2030-01-01T00:00:00Z');
      for (let attempt = 0; attempt < accountPolicy.free; attempt += 1) {
        const result = await signIn({ email, password: 'not the password' }, { ...client, ip: `192.0.2.${attempt}` }, now);
        expect(result.ok).toBe(false);
        now += 10;
      }
      const throttled = await signIn({ email, password: 'correct horse battery' }, client, now);
      expect(throttled.ok).toBe(false);
      if (throttled.ok) return;
      expect(throttled.message).toMatch(/Too many failed sign-ins\. Wait \d+ seconds?/);
      // Keep failing, waiting out each delay, until the lock.
      for (let attempt = accountPolicy.free; attempt < accountPolicy.lockAt; attempt += 1) {
        now += accountPolicy.maxDelayMs + 1;
        const result = await signIn({ email, password: 'still wrong' }, { ...client, ip: `192.0.2.${attempt}` }, now);
        expect(result).toEqual({ ok: false, message: wrongCredentialsMessage });
      }
      const locked = await signIn({ email, password: 'correct horse battery' }, client, now + accountPolicy.maxDelayMs + 1);
      expect(locked.ok).toBe(false);
      if (!locked.ok) expect(locked.message).toMatch(/locked for 15 minutes/);
      // After the lock the account signs in again (for the real one).
      const after = await signIn({ email, password: 'correct horse battery' }, client, now + accountPolicy.lockMs + 60_000);
      expect(after.ok).toBe(email === 'target@example.org');
    }
  });

  it('throttles one address trying many accounts', async () => {
    const ip = '198.51.100.200';
    const now = Date.parse('2031-01-01T00:00:00Z');
    for (let attempt = 0; attempt < 20; attempt += 1) {
      await signIn({ email: `spray${attempt}@example.org`, password: 'guess' }, { ...client, ip }, now + attempt);
    }
    const next = await signIn({ email: 'fresh@example.org', password: 'guess' }, { ...client, ip }, now + 30);
    expect(next.ok).toBe(false);
    if (!next.ok) expect(next.message).toMatch(/Too many failed sign-ins/);
  });

  it('waits escalate and are forgotten after an hour', () => {
    const base = Date.parse('2030-01-01T00:00:00Z');
    const row = (failures: number) => ({ failures, lastFailure: new Date(base), lockedUntil: null });
    expect(waitFor(row(2), accountPolicy, base)).toBe(0);
    expect(waitFor(row(3), accountPolicy, base)).toBe(1000);
    expect(waitFor(row(5), accountPolicy, base)).toBe(4000);
    expect(waitFor(row(7), accountPolicy, base + 61 * 60_000)).toBe(0);
    expect(accountKey(' Someone@Example.org ')).toBe('account:someone@example.org');
  });
});
