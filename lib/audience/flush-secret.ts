// The flush route's caller is scripts/serve.mjs in this same process: it makes a random secret at
// start and leaves it in the process environment, so nothing outside this process can add views
// (not even another instance; not written to disk). No secret set (`next start`, `next dev`): the
// route answers 404 to everyone.
import crypto from 'node:crypto';
import { FLUSH_SECRET_ENV, FLUSH_SECRET_HEADER } from '@/lib/audience/beacon.mjs';

export function isFlushRequest(headers: Headers): boolean {
  const expected = process.env[FLUSH_SECRET_ENV];
  if (!expected) return false;
  const given = Buffer.from(headers.get(FLUSH_SECRET_HEADER) ?? '');
  const wanted = Buffer.from(expected);
  return given.length === wanted.length && crypto.timingSafeEqual(given, wanted);
}
