// The one response every feed route gives: validate the address, load (cached), build, send.
import { validSlug } from '@/lib/articles/params';
import { buildFeed, feedContentTypes } from '@/lib/feeds/build';
import { cachedFeed } from '@/lib/feeds/cached';
import { feedFormatFromFileName, type FeedScope } from '@/lib/feeds/urls';
import { publicCacheControl } from '@/lib/security/page-headers.mjs';

const notFound = (): Response =>
  new Response('Not found\n', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });

/** A section's feed at a slug it had before a rename: one 301 to the feed at its current slug. */
async function movedSectionFeed(slug: string, fileName: string): Promise<Response> {
  const { findSectionAddress } = await import('@/lib/sections/queries');
  const section = await findSectionAddress(slug);
  if (!section || section.slug === slug) return notFound();
  return new Response(null, { status: 301, headers: { Location: `/feeds/${section.slug}/${fileName}`, 'Cache-Control': publicCacheControl() } });
}

/** An author's feed at a slug they had before a rename: one 301 to the feed at the current slug. */
async function movedAuthorFeed(slug: string, fileName: string): Promise<Response> {
  const { findContributorAddress } = await import('@/lib/contributors/queries');
  const contributor = await findContributorAddress(slug);
  if (!contributor || contributor.slug === slug) return notFound();
  return new Response(null, { status: 301, headers: { Location: `/feeds/author/${encodeURIComponent(contributor.slug)}/${fileName}`, 'Cache-Control': publicCacheControl() } });
}

export async function feedResponse(scope: FeedScope, fileName: string): Promise<Response> {
  const format = feedFormatFromFileName(fileName);
  if (!format) return notFound();
  if (scope.kind !== 'site') {
    // Read decoded and in NFC (an author's slug may be in another script).
    const slug = validSlug(scope.slug);
    if (!slug) return notFound();
    scope = { ...scope, slug };
  }
  const data = await cachedFeed(scope);
  if (!data) {
    if (scope.kind === 'section') return movedSectionFeed(scope.slug, fileName);
    if (scope.kind === 'author') return movedAuthorFeed(scope.slug, fileName);
    return notFound();
  }
  return new Response(buildFeed(data, scope, format), {
    headers: {
      'Content-Type': feedContentTypes[format],
      // What a CDN may keep, like every public page (docs/caching.md, "Behind a CDN").
      'Cache-Control': publicCacheControl(),
    },
  });
}
