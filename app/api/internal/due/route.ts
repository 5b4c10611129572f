// Internal: publishes scheduled articles that fell due and ends breaking flags, then expires the
// pages they touch. Called by the request proxy on this same instance (lib/scheduling/due-trigger.ts).
import { refreshArticlePages, refreshTags } from '@/lib/cache/refresh';
import { cacheTags } from '@/lib/cache/tags';
import { runDueWork } from '@/lib/articles/scheduler';
import { isInternalRequest } from '@/lib/scheduling/internal-secret';

export async function POST(request: Request): Promise<Response> {
  if (!isInternalRequest(request.headers)) return Response.json({ error: 'Not found' }, { status: 404 });
  expireBuildTimePages();
  const result = await runDueWork();
  for (const change of result.changes) refreshArticlePages(change);
  return Response.json(
    { published: result.published, breakingEnded: result.breakingEnded, nextDueAt: result.nextDueAt },
    { headers: { 'Cache-Control': 'no-store' } },
  );
}

const globalForStart = globalThis as unknown as { ledeStartupRefreshed?: boolean };

/** Pages prerendered by `next build` (the home page) hold the database as it was at build time.
 * The proxy calls this route on the first request of every process, so that request and all after
 * it see the database as it is now. */
function expireBuildTimePages(): void {
  if (globalForStart.ledeStartupRefreshed) return;
  globalForStart.ledeStartupRefreshed = true;
  refreshTags([cacheTags.home, cacheTags.sections, cacheTags.breaking, cacheTags.feeds, cacheTags.sitemaps]);
}
