// Legacy article URLs (/news/{id}, /news/{id}/{anything} by default). The proxy answers the known ones
// with a 301 before this page runs (lib/routing/redirect.ts); what reaches here is an unknown or
// unpublished id, which is a 404 in the site's chrome. Should the proxy not run, known ids still
// move permanently (308) from here.
import type { Metadata } from 'next';
import { notFound, permanentRedirect } from 'next/navigation';
import { findLegacyRedirect } from '@/lib/articles/redirects';
import { legacyIdFromPath } from '@/lib/routing/legacy';
import { notFoundMetadata } from '@/lib/seo/metadata';

type Props = { params: Promise<{ path: string[] }> };

export const dynamic = 'force-dynamic';

export const metadata: Metadata = notFoundMetadata();

export default async function LegacyArticle({ params }: Props) {
  const { path } = await params;
  const legacyId = legacyIdFromPath(`/news/${path.map(encodeURIComponent).join('/')}`);
  const target = legacyId ? await findLegacyRedirect(legacyId) : null;
  if (!target) notFound();
  permanentRedirect(target);
}
