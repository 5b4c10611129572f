// /sitemaps/articles/{YYYY}-{MM}[-{part}].xml: one month's articles, streamed from the database.
import { cachedSitemapMonths } from '@/lib/sitemaps/cached';
import { articlesDocument, chunkExists } from '@/lib/sitemaps/documents';
import { batchText, streamText, xmlHeaders } from '@/lib/sitemaps/stream';
import { parseMonthChunk } from '@/lib/sitemaps/urls';

export const dynamic = 'force-dynamic';

export async function GET(_request: Request, { params }: { params: Promise<{ chunk: string }> }): Promise<Response> {
  const chunk = parseMonthChunk((await params).chunk);
  if (!chunk || !chunkExists(await cachedSitemapMonths(), chunk)) return new Response('Not found\n', { status: 404 });
  return new Response(streamText(batchText(articlesDocument(chunk))), { headers: xmlHeaders });
}
