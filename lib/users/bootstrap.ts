// First start: a database with no users gets one admin so the newsroom can be reached at all. The
// start script prints the returned password once; it is stored only as an argon2id hash.
import { z } from 'zod';
import { hashPassword } from '@/lib/auth/password';
import { generateStrongPassword } from '@/lib/auth/password-strength';
import { db } from '@/lib/db/client';

const adminEmail = z.email().default('admin@localhost');

export async function ensureFirstAdmin(): Promise<{ email: string; password: string } | null> {
  if ((await db.user.count()) > 0) return null;
  // `admin@localhost` is not a valid address for zod's e-mail check, so only a given one is checked.
  const given = process.env.ADMIN_EMAIL?.trim();
  const email = given ? adminEmail.parse(given).toLowerCase() : 'admin@localhost';
  // Held to the same strength rule as every password a person sets.
  const password = generateStrongPassword([email]);
  const passwordHash = await hashPassword(password);
  // Two processes starting at once: the unique e-mail makes the second insert fail; it then yields.
  try {
    await db.user.create({ data: { email, name: 'Administrator', role: 'admin', passwordHash } });
  } catch (error) {
    if ((await db.user.count()) > 0) return null;
    throw error;
  }
  return { email, password };
}
