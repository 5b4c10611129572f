// /feeds/author/{slug}/rss.xml and /feeds/author/{slug}/atom.xml: one contributor's newest stories.
import { feedResponse } from '@/lib/feeds/respond';

export const dynamic = 'force-dynamic';

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string; file: string }> }): Promise<Response> {
  const { slug, file } = await params;
  return feedResponse({ kind: 'author', slug }, file);
}
