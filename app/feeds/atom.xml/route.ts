// /feeds/atom.xml: the whole site as Atom 1.0.
import { feedResponse } from '@/lib/feeds/respond';

export const dynamic = 'force-dynamic';

export function GET(): Promise<Response> {
  return feedResponse({ kind: 'site' }, 'atom.xml');
}
