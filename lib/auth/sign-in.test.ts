import { describe, expect, it } from 'vitest';
import { hashToken, findSessionUser, revokeSession } from '@/lib/auth/session';
import { signIn, wrongCredentialsMessage } from '@/lib/auth/sign-in';
import { accountKey, accountPolicy, pairKey, pairPolicy, waitFor } from '@/lib/auth/throttle';
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

  it('lets the owner in with the right password while others fail against the account from many addresses', async () => {
    await createUser({ email: 'owner@example.org', role: 'writer', password: 'Quill-Harbour-Lantern-42' });
    const home = { ip: '198.51.100.77', userAgent: 'owner' };
    let now = Date.parse('2032-01-01T00:00:00Z');
    expect((await signIn({ email: 'owner@example.org', password: 'Quill-Harbour-Lantern-42' }, home, now)).ok).toBe(true);
    // An attacker spoofs or rents addresses: one failure each, waiting out every delay, far past the lock.
    for (let attempt = 0; attempt < accountPolicy.lockAt + 20; attempt += 1) {
      now += accountPolicy.maxDelayMs + 1;
      await signIn({ email: 'owner@example.org', password: `guess ${attempt}` }, { ip: `192.0.2.${attempt}`, userAgent: 'attacker' }, now);
    }
    // The owner, from where they signed in before, still gets in with the right password ...
    const owner = await signIn({ email: 'owner@example.org', password: 'Quill-Harbour-Lantern-42' }, home, now + 1);
    expect(owner.ok).toBe(true);
    // ... and that success does not hand the attacker a fresh allowance.
    const stillLocked = await signIn({ email: 'owner@example.org', password: 'another guess' }, { ip: '192.0.2.250', userAgent: 'attacker' }, now + 2);
    expect(stillLocked.ok).toBe(false);
    if (!stillLocked.ok) expect(stillLocked.message).toMatch(/Signing in is locked for \d+ minutes?\./);
  });

  it('caps guessing: exactly the free failures per account across addresses, per account from one address, then waits and a lock', async () => {
    await createUser({ email: 'capped@example.org', role: 'writer', password: 'Quill-Harbour-Lantern-42' });
    const checked = async (attempts: Array<{ ip: string; at: number }>) => {
      let count = 0;
      for (const { ip, at } of attempts) {
        const result = await signIn({ email: 'capped@example.org', password: 'a wrong guess' }, { ip, userAgent: 'attacker' }, at);
        if (!result.ok && result.message === wrongCredentialsMessage) count += 1;
      }
      return count;
    };
    const start = Date.parse('2033-01-01T00:00:00Z');
    // One address, all at once: the (account, address) pair allows its free failures, then waits.
    expect(await checked(Array.from({ length: 20 }, () => ({ ip: '203.0.113.30', at: start })))).toBe(pairPolicy.free);
    // Fifty addresses at once: the account as a whole allows its free failures (the pair's are counted in).
    expect(await checked(Array.from({ length: 50 }, (_, index) => ({ ip: `198.18.0.${index}`, at: start })))).toBe(accountPolicy.free - pairPolicy.free);
    // Waiting out every delay from ever new addresses: checked up to the lock, then nothing for its duration.
    // 45 attempts 30 s apart end inside the 15-minute lock that the 20th sets.
    const patient = Array.from({ length: 45 }, (_, index) => ({ ip: `198.18.1.${index}`, at: start + (index + 1) * (accountPolicy.maxDelayMs + 1) }));
    expect(await checked(patient)).toBe(accountPolicy.lockAt - accountPolicy.free);
  });

  it('waits escalate and are forgotten after an hour', () => {
    const base = Date.parse('2030-01-01T00:00:00Z');
    const row = (failures: number) => ({ failures, lastFailure: new Date(base), lockedUntil: null });
    expect(waitFor(row(2), pairPolicy, base)).toBe(0);
    expect(waitFor(row(3), pairPolicy, base)).toBe(1000);
    expect(waitFor(row(5), pairPolicy, base)).toBe(4000);
    expect(waitFor(row(7), pairPolicy, base + 61 * 60_000)).toBe(0);
    expect(accountKey(' Someone@Example.org ')).toBe('account:someone@example.org');
    expect(pairKey(' Someone@Example.org ', '203.0.113.5')).toBe('pair:someone@example.org|203.0.113.5');
    expect(waitFor(row(12), accountPolicy, base)).toBe(4000);
  });
});
