import type { Metadata } from 'next';
import { NotFoundNote } from '@/components/site/NotFoundNote';

export const metadata: Metadata = { title: 'Page not found', robots: { index: false, follow: true } };

// notFound() outside the reader site (the newsroom's pages for an id that does not exist). Bare on
// purpose: Next writes this element into the RSC payload of every page, so the reader chrome lives in
// app/global-not-found.tsx and the (site) layout (docs/decisions/0033-global-not-found.md).
export default function NotFound() {
  return (
    <main id="main" className="px-4">
      <NotFoundNote />
    </main>
  );
}
