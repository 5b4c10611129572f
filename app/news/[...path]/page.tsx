// Legacy article URLs (/news/{id}, /news/{id}/{anything} by default). The proxy's resolver answers
// them all before this page runs: a known id with one 301 to the article, any other with the 404 page
// (lib/routing/resolve-path.ts). This route only keeps /news/… from reaching the section routes
// should the proxy not run: a 404, never a page's own redirect (docs/decisions/0004).
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { notFoundMetadata } from '@/lib/seo/metadata';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = notFoundMetadata();

export default function LegacyArticle(): never {
  notFound();
}
