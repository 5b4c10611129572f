// /feeds/rss.xml: the whole site as RSS 2.0.
import { feedResponse } from '@/lib/feeds/respond';

export const dynamic = 'force-dynamic';

export function GET(): Promise<Response> {
  return feedResponse({ kind: 'site' }, 'rss.xml');
}
