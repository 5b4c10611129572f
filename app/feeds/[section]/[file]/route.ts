// /feeds/{section}/rss.xml and /feeds/{section}/atom.xml.
import { feedResponse } from '@/lib/feeds/respond';

export const dynamic = 'force-dynamic';

export async function GET(_request: Request, { params }: { params: Promise<{ section: string; file: string }> }): Promise<Response> {
  const { section, file } = await params;
  return feedResponse({ kind: 'section', slug: section }, file);
}
