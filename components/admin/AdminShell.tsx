import Link from 'next/link';
import type { ReactNode } from 'react';
import { SkipLink } from '@/components/site/SkipLink';

export type ShellUser = { email: string; name: string; role: 'writer' | 'editor' | 'admin' };

/** The newsroom's frame: navigation by role, who is signed in, and a sign-out button. */
export function AdminShell({ user, signOut, children }: { user: ShellUser; signOut: () => Promise<void>; children: ReactNode }) {
  const links: [string, string][] = [
    ['/admin/articles', 'Articles'],
    ['/admin/articles/new', 'New article'],
    ['/admin/media', 'Media'],
    ...(user.role !== 'writer' ? ([['/admin/sections', 'Sections'], ['/admin/fronts', 'Fronts'], ['/admin/contributors', 'Contributors'], ['/admin/audience', 'Audience'], ['/admin/trash', 'Deleted'], ['/admin/audit', 'Audit log']] as [string, string][]) : []),
    ...(user.role === 'admin' ? ([['/admin/users', 'Users']] as [string, string][]) : []),
  ];
  return (
    <>
      <SkipLink />
      <header className="border-b border-gray-300 bg-gray-50">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
          <Link href="/admin/articles" className="font-serif text-xl font-bold text-ink">
            Newsroom
          </Link>
          <nav aria-label="Newsroom">
            <ul className="flex flex-wrap gap-4 text-sm">
              {links.map(([href, label]) => (
                <li key={href}>
                  <Link href={href} className="text-blue-800 underline-offset-2 hover:underline">
                    {label}
                  </Link>
                </li>
              ))}
              <li>
                <a href="/" className="text-blue-800 underline-offset-2 hover:underline">
                  Public site
                </a>
              </li>
            </ul>
          </nav>
          <form action={signOut} className="ml-auto flex items-center gap-3 text-sm">
            <span>
              {user.name || user.email} <span className="text-gray-700">({user.role})</span>
            </span>
            <button type="submit" className="rounded border border-gray-600 px-3 py-1 hover:bg-gray-200">
              Sign out
            </button>
          </form>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="mx-auto max-w-6xl px-4 py-6 focus:outline-none">
        {children}
      </main>
    </>
  );
}
