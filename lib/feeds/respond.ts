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

export async function feedResponse(scope: FeedScope, fileName: string): Promise<Response> {
  const format = feedFormatFromFileName(fileName);
  if (!format || (scope.kind !== 'site' && !validSlug(scope.slug))) return notFound();
  const data = await cachedFeed(scope);
  if (!data) return scope.kind === 'section' ? await movedSectionFeed(scope.slug, fileName) : notFound();
  return new Response(buildFeed(data, scope, format), {
    headers: {
      'Content-Type': feedContentTypes[format],
      // What a CDN may keep, like every public page (docs/caching.md, "Behind a CDN").
      'Cache-Control': publicCacheControl(),
    },
  });
}
