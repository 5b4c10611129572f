// The secret the app's own internal routes require (scheduled publishing, the page cache's state,
// the outage's loopback request). INTERNAL_SECRET when set (required for instances on several
// machines); otherwise one kept in data/internal-secret, made on first use and readable by the owner
// only, so every server process of this checkout shares it.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { config } from '@/lib/config';

const globalForSecret = globalThis as unknown as { ledeInternalSecret?: string };

export const internalSecretFile = (): string => path.join(/* turbopackIgnore: true */ config.dataDir, 'internal-secret');

function secretFromFile(file: string = internalSecretFile()): string {
  try {
    const stored = fs.readFileSync(file, 'utf8').trim();
    if (stored.length >= 32) return stored;
  } catch {
    // not made yet: make it below
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const made = crypto.randomBytes(32).toString('hex');
  try {
    fs.writeFileSync(file, made, { mode: 0o600, flag: 'wx' });
    return made;
  } catch {
    // Another process made it first: use theirs.
    return fs.readFileSync(file, 'utf8').trim();
  }
}

export function internalSecret(): string {
  return (globalForSecret.ledeInternalSecret ??= config.INTERNAL_SECRET || secretFromFile());
}

export function isInternalRequest(headers: Headers): boolean {
  const given = Buffer.from(headers.get('x-lede-internal') ?? '');
  const expected = Buffer.from(internalSecret());
  return given.length === expected.length && crypto.timingSafeEqual(given, expected);
}
