import type { Metadata } from 'next';
import { NotFoundNote } from '@/components/site/NotFoundNote';

export const metadata: Metadata = { title: 'Page not found', robots: { index: false, follow: true } };

// notFound() from a public page (the proxy answers most 404s before a page runs: those get
// app/global-not-found.tsx): the (site) layout already draws the reader chrome around this. Short,
// because it travels in the payload of every public page (docs/decisions/0033-global-not-found.md).
export default function SiteNotFound() {
  return <NotFoundNote />;
}
