// Accounts: created by an admin (page or CLI), passwords set, accounts disabled. Disabling or a new
// password ends every session of that user.
import { z } from 'zod';
import { audit } from '@/lib/audit/log';
import { hashPassword, minimumPasswordLength } from '@/lib/auth/password';
import { passwordWeakness } from '@/lib/auth/password-strength';
import { revokeUserSessions } from '@/lib/auth/session';
import { CommandError } from '@/lib/commands/error';
import { db } from '@/lib/db/client';
import type { Role } from '@/lib/generated/prisma/client';

export const roles = ['writer', 'editor', 'admin'] as const satisfies readonly Role[];

// admin@localhost is a valid account name here even if it is no public e-mail address.
export const accountEmail = z
  .string()
  .trim()
  .toLowerCase()
  .max(320)
  .regex(/^[^\s@]+@[^\s@]+$/, 'Enter an e-mail address such as name@example.org.');

export const passwordSchema = z
  .string()
  .min(minimumPasswordLength, `Use at least ${minimumPasswordLength} characters.`)
  .max(1024);

/** A password for this account: long enough, and not one an attacker would guess (lib/auth/password-strength.ts). */
export const passwordFor = (email: string) =>
  passwordSchema.superRefine((password, context) => {
    const weakness = passwordWeakness(password, [email]);
    if (weakness) context.addIssue({ code: 'custom', message: weakness });
  });

export const newUserSchema = z
  .object({
    email: accountEmail,
    name: z.string().trim().max(200).default(''),
    role: z.enum(roles),
    password: passwordSchema,
  })
  .superRefine((user, context) => {
    const weakness = passwordWeakness(user.password, [user.email, user.name]);
    if (weakness) context.addIssue({ code: 'custom', path: ['password'], message: weakness });
  });

export type NewUser = z.input<typeof newUserSchema>;

/** An account command refused (an address taken, no such account): the newsroom shows the message. */
export class AccountError extends CommandError {
  constructor(message: string) {
    super('invalid', message);
    this.name = 'AccountError';
  }
}

export async function createUser(input: NewUser, actorId: number | null = null): Promise<{ id: number; email: string }> {
  const data = newUserSchema.parse(input);
  if (await db.user.findUnique({ where: { email: data.email } })) throw new AccountError(`An account for ${data.email} already exists.`);
  const user = await db.user.create({
    data: { email: data.email, name: data.name, role: data.role, passwordHash: await hashPassword(data.password) },
  });
  await audit({ action: 'user.created', actorId, targetType: 'user', targetId: user.id, detail: `${user.email} as ${user.role}` });
  return { id: user.id, email: user.email };
}

async function findByEmail(email: string) {
  const user = await db.user.findUnique({ where: { email: accountEmail.parse(email) } });
  if (!user) throw new AccountError(`No account for ${email}.`);
  return user;
}

export async function setPassword(email: string, password: string, actorId: number | null = null): Promise<void> {
  const user = await findByEmail(email);
  await db.user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(passwordFor(user.email).parse(password)) } });
  await revokeUserSessions(user.id);
  await audit({ action: 'user.password-set', actorId, targetType: 'user', targetId: user.id, detail: user.email });
}

export async function setDisabled(email: string, disabled: boolean, actorId: number | null = null): Promise<void> {
  const user = await findByEmail(email);
  await db.user.update({ where: { id: user.id }, data: { disabled } });
  if (disabled) await revokeUserSessions(user.id);
  await audit({ action: disabled ? 'user.disabled' : 'user.enabled', actorId, targetType: 'user', targetId: user.id, detail: user.email });
}

export type UserRow = { id: number; email: string; name: string; role: Role; disabled: boolean; createdAt: string };

export async function listUsers(): Promise<UserRow[]> {
  const users = await db.user.findMany({ orderBy: { email: 'asc' } });
  return users.map((user) => ({ id: user.id, email: user.email, name: user.name, role: user.role, disabled: user.disabled, createdAt: user.createdAt.toISOString() }));
}
