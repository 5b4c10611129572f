// /feeds/tag/{tag}/rss.xml and /feeds/tag/{tag}/atom.xml.
import { feedResponse } from '@/lib/feeds/respond';

export const dynamic = 'force-dynamic';

export async function GET(_request: Request, { params }: { params: Promise<{ tag: string; file: string }> }): Promise<Response> {
  const { tag, file } = await params;
  return feedResponse({ kind: 'tag', slug: tag }, file);
}
