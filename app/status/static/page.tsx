// A trivial static page with no database behind it: the benchmark's
// ceiling (what Next itself serves per second here), against which article and section pages are measured.
import type { Metadata } from 'next';
import { PageLink } from '@/components/site/PageLink';

export const dynamic = 'force-static';

export const metadata: Metadata = { title: 'Status', robots: { index: false, follow: true } };

export default function StatusPage() {
  return (
    <main className="mx-auto max-w-xl px-4 py-16">
      <h1 className="font-serif text-3xl font-bold">Lede is running</h1>
      <p className="mt-4">
        <PageLink href="/" className="text-accent underline">
          Go to the home page
        </PageLink>
      </p>
    </main>
  );
}
