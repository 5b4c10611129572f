// The signed-in user for pages, server actions and route handlers. Pages redirect to the sign-in page;
// actions and routes get a refusal they turn into their own answer (a message, a 401 or 403).
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { sessionCookieName } from '@/lib/auth/cookie';
import { requestContext } from '@/lib/auth/request';
import { can, type Permission } from '@/lib/auth/roles';
import { findSessionUser, type SessionUser } from '@/lib/auth/session';

export async function currentUser(): Promise<SessionUser | null> {
  const jar = await cookies();
  return findSessionUser(jar.get(sessionCookieName)?.value);
}

/** For admin pages: the user, or a redirect to the sign-in page. A missing permission is for the page to show. */
export async function requirePageUser(): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect('/admin/login');
  return user;
}

export type Refusal = { ok: false; status: 401 | 403; message: string };
export type Authorised = { ok: true; user: SessionUser; ip: string };

/**
 * Every state-changing server action and route starts here: proof of origin, a live session, and the
 * permission asked for. Nothing is trusted from the page that rendered the form.
 */
export async function authorise(permission?: Permission): Promise<Authorised | Refusal> {
  const request = await requestContext();
  if (!request.sameOrigin) return { ok: false, status: 403, message: 'This request did not come from a Lede page.' };
  const user = await currentUser();
  if (!user) return { ok: false, status: 401, message: 'Your session has ended. Sign in again.' };
  if (permission && !can(user.role, permission)) return { ok: false, status: 403, message: 'Your role does not allow this.' };
  return { ok: true, user, ip: request.ip };
}
