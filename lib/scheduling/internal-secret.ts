// The secret the app's own internal routes require. INTERNAL_SECRET when set (several instances);
// otherwise one made up per process, which the proxy and the routes share through globalThis.
import crypto from 'node:crypto';
import { config } from '@/lib/config';

const globalForSecret = globalThis as unknown as { ledeInternalSecret?: string };

export function internalSecret(): string {
  return (globalForSecret.ledeInternalSecret ??= config.INTERNAL_SECRET || crypto.randomBytes(32).toString('hex'));
}

export function isInternalRequest(headers: Headers): boolean {
  const given = Buffer.from(headers.get('x-lede-internal') ?? '');
  const expected = Buffer.from(internalSecret());
  return given.length === expected.length && crypto.timingSafeEqual(given, expected);
}
