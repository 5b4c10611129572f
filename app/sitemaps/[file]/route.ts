// /sitemaps/sections.xml, /sitemaps/authors.xml, /sitemaps/tags-{n}.xml and /sitemaps/news.xml (Google News).
import { cachedNewsSitemapEntries, cachedTagSitemapParts } from '@/lib/sitemaps/cached';
import { authorsDocument, newsDocument, sectionsDocument, tagsDocument } from '@/lib/sitemaps/documents';
import { batchText, streamText, xmlHeaders } from '@/lib/sitemaps/stream';
import { parseTagsPart } from '@/lib/sitemaps/urls';

export const dynamic = 'force-dynamic';

const notFound = (): Response => new Response('Not found\n', { status: 404 });

export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }): Promise<Response> {
  const { file } = await params;
  if (file === 'sections.xml') return new Response(streamText(sectionsDocument()), { headers: xmlHeaders });
  if (file === 'authors.xml') return new Response(streamText(authorsDocument()), { headers: xmlHeaders });
  if (file === 'news.xml') return new Response(streamText(newsDocument(await cachedNewsSitemapEntries())), { headers: xmlHeaders });
  const part = parseTagsPart(file);
  if (part === null || part > (await cachedTagSitemapParts())) return notFound();
  return new Response(streamText(batchText(tagsDocument(part))), { headers: xmlHeaders });
}
