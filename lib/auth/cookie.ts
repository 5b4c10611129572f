// The session cookie: HttpOnly (no script reads it), SameSite=Lax (no cross-site POST carries it),
// Secure whenever the site is served over https.
import { config } from '@/lib/config';

export const sessionCookieName = 'lede_session';

export function sessionCookieOptions(expires: Date) {
  return {
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: config.SITE_URL.startsWith('https://'),
    path: '/',
    expires,
  };
}
