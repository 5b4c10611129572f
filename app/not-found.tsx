import type { Metadata } from 'next';
import { PageLink } from '@/components/site/PageLink';

export const metadata: Metadata = { title: 'Page not found', robots: { index: false, follow: true } };

// notFound() outside the reader site (the newsroom's pages for an id that does not exist). Kept bare on
// purpose: Next writes this element into the RSC payload of every page, so the reader chrome lives in
// app/global-not-found.tsx and the (site) group's own not-found (docs/decisions/0033-global-not-found.md).
export default function NotFound() {
  return (
    <main id="main" className="mx-auto max-w-2xl px-4 py-10">
      <h1 className="font-serif text-4xl font-bold">Page not found</h1>
      <p className="mt-4">
        There is no page at this address. <PageLink href="/">Go to the front page</PageLink>
      </p>
    </main>
  );
}
