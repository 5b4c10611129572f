import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { connection } from 'next/server';

// The newsroom is never indexed and never cached (next.config.js adds the same as headers).
export const metadata: Metadata = {
  title: { default: 'Newsroom', template: '%s | Newsroom' },
  robots: { index: false, follow: false, nocache: true },
};

export default async function AdminLayout({ children }: { children: ReactNode }) {
  // Per request, always: every admin page depends on who is signed in.
  await connection();
  return children;
}
