import { describe, expect, it } from 'vitest';
import { generatePassword } from '@/lib/auth/password';
import { signIn } from '@/lib/auth/sign-in';
import { db } from '@/lib/db/client';
import { ensureFirstAdmin } from '@/lib/users/bootstrap';
import { CommandError } from '@/lib/commands/error';
import { AccountError, createUser, newUserSchema, setDisabled, setPassword } from '@/lib/users/commands';

describe('password strength', () => {
  it('refuses common, repeated and patterned passwords, and says why', async () => {
    const weak = ['aaaaaaaaaaaa', 'password1234', 'qwertyuiop123', '123456789012', 'iloveyou2024!'];
    for (const password of weak) {
      await expect(createUser({ email: 'weak@example.org', role: 'writer', password }), password).rejects.toThrow(/too easy to guess/);
    }
    expect(await db.user.count({ where: { email: 'weak@example.org' } })).toBe(0);
    // The message names the reason (zxcvbn's feedback), not only the verdict.
    const repeated = newUserSchema.safeParse({ email: 'weak@example.org', role: 'writer', password: 'aaaaaaaaaaaa' });
    expect(repeated.success).toBe(false);
    expect(repeated.error?.issues[0]?.message).toMatch(/^This password is too easy to guess\. Repeated characters like "aaa" are easy to guess\./);
    // Nor the account's own e-mail address.
    await expect(createUser({ email: 'harbourmaster@example.org', role: 'writer', password: 'harbourmaster@example.org' })).rejects.toThrow(/too easy to guess/);
  });

  it('refuses a weak new password for an existing account and keeps the old one', async () => {
    await createUser({ email: 'keeps@example.org', role: 'writer', password: 'Quill-Harbour-Lantern-42' });
    await expect(setPassword('keeps@example.org', 'aaaaaaaaaaaa')).rejects.toThrow(/too easy to guess/);
    expect((await signIn({ email: 'keeps@example.org', password: 'Quill-Harbour-Lantern-42' }, { ip: '203.0.113.61', userAgent: 'vitest' })).ok).toBe(true);
  });

  it('accepts a long passphrase and every generated password, the first admin\'s included', async () => {
    expect(newUserSchema.safeParse({ email: 'fine@example.org', role: 'writer', password: 'Quill-Harbour-Lantern-42' }).success).toBe(true);
    for (let index = 0; index < 20; index += 1) {
      expect(newUserSchema.safeParse({ email: 'fine@example.org', role: 'writer', password: generatePassword() }).success).toBe(true);
    }
    await db.user.deleteMany({});
    const admin = await ensureFirstAdmin();
    expect(newUserSchema.safeParse({ email: admin!.email, role: 'admin', password: admin!.password }).success).toBe(true);
  });
});

describe('account refusals', () => {
  it('are CommandErrors the newsroom guard shows as they are (an address taken, no such account)', async () => {
    await createUser({ email: 'taken@example.org', role: 'writer', password: 'Quill-Harbour-Lantern-42' });
    const taken = await createUser({ email: 'taken@example.org', role: 'editor', password: 'Quill-Harbour-Lantern-43' }).catch((error: unknown) => error);
    expect(taken).toBeInstanceOf(AccountError);
    expect(taken).toBeInstanceOf(CommandError);
    expect(taken).toMatchObject({ kind: 'invalid', message: 'An account for taken@example.org already exists.' });
    const missing = await setDisabled('nobody@example.org', true).catch((error: unknown) => error);
    expect(missing).toBeInstanceOf(CommandError);
    expect(missing).toMatchObject({ kind: 'invalid', message: 'No account for nobody@example.org.' });
  });
});
