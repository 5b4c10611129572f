// Internal: expires the public pages a batch of changes made outside the app touched (an import, a
// copy). Called by the CLIs (lib/cache/notify-site.ts) with the internal secret; 404 to anyone else.
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { describeArticleChange } from '@/lib/articles/changes';
import { refreshArticlePages, refreshTags } from '@/lib/cache/refresh';
import { cacheTags } from '@/lib/cache/tags';
import { isInternalRequest } from '@/lib/scheduling/internal-secret';

/** Past this many articles, expiring everything is cheaper than working out each one's pages. */
const EXACT_LIMIT = 500;

const body = z.union([z.object({ articleIds: z.array(z.number().int().positive()).max(1_000_000) }), z.object({ everything: z.literal(true) })]);

export async function POST(request: Request): Promise<Response> {
  if (!isInternalRequest(request.headers)) return Response.json({ error: 'Not found' }, { status: 404 });
  const parsed = body.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return Response.json({ error: 'Expected {"articleIds": [ids]} or {"everything": true}' }, { status: 400 });
  if ('everything' in parsed.data || parsed.data.articleIds.length > EXACT_LIMIT) {
    refreshTags([cacheTags.home, cacheTags.sections, cacheTags.breaking, cacheTags.feeds, cacheTags.sitemaps]);
    revalidatePath('/', 'layout');
    return Response.json({ refreshed: 'everything' });
  }
  for (const id of parsed.data.articleIds) refreshArticlePages(await describeArticleChange(id));
  return Response.json({ refreshed: parsed.data.articleIds.length });
}
