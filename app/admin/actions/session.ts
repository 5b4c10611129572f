'use server';
// Signing in and out. The sign-in action checks the origin like every other action (a login CSRF
// would sign the victim into the attacker's account), then leaves the work to lib/auth/sign-in.
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { audit } from '@/lib/audit/log';
import { sessionCookieName, sessionCookieOptions } from '@/lib/auth/cookie';
import { currentUser } from '@/lib/auth/current';
import { requestContext } from '@/lib/auth/request';
import { revokeSession } from '@/lib/auth/session';
import { signIn } from '@/lib/auth/sign-in';
import { parseFormData, textFields } from '@/lib/forms/form-data';

const signInForm = textFields('email', 'password');

export type SignInState = { message: string; email: string };

export async function signInAction(_previous: SignInState, form: FormData): Promise<SignInState> {
  const fields = parseFormData(signInForm, form);
  const email = fields.email.slice(0, 320);
  const request = await requestContext();
  if (!request.sameOrigin) return { message: 'This sign-in did not come from a Lede page.', email };
  const result = await signIn({ email, password: fields.password }, { ip: request.ip, userAgent: request.userAgent });
  if (!result.ok) return { message: result.message, email };
  (await cookies()).set(sessionCookieName, result.token, sessionCookieOptions(result.expiresAt));
  redirect('/admin/articles');
}

export async function signOutAction(): Promise<void> {
  const request = await requestContext();
  // A foreign page cannot sign anyone out either.
  if (!request.sameOrigin) redirect('/admin/articles');
  const jar = await cookies();
  const user = await currentUser();
  await revokeSession(jar.get(sessionCookieName)?.value);
  jar.delete(sessionCookieName);
  if (user) await audit({ action: 'sign-out', actorId: user.id, targetType: 'user', targetId: user.id, ip: request.ip });
  redirect('/admin/login');
}
