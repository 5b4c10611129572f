import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { signInAction } from '@/app/admin/actions/session';
import { LoginForm } from '@/components/admin/LoginForm';
import { currentUser } from '@/lib/auth/current';
import { config } from '@/lib/config';

export const metadata: Metadata = { title: 'Sign in' };

export default async function LoginPage() {
  if (await currentUser()) redirect('/admin/articles');
  return (
    <main id="main" className="mx-auto mt-16 max-w-sm px-4">
      <h1 className="mb-6 font-serif text-3xl font-bold">{config.SITE_NAME} newsroom</h1>
      <LoginForm action={signInAction} />
    </main>
  );
}
