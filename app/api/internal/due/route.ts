// Internal: publishes scheduled articles that fell due and ends breaking flags, then expires the
// pages they touch. Called by the request proxy on this same instance (lib/scheduling/due-trigger.ts).
import { refreshArticlePages } from '@/lib/cache/refresh';
import { runDueWork } from '@/lib/articles/scheduler';
import { isInternalRequest } from '@/lib/scheduling/internal-secret';

export async function POST(request: Request): Promise<Response> {
  if (!isInternalRequest(request.headers)) return Response.json({ error: 'Not found' }, { status: 404 });
  const result = await runDueWork();
  for (const change of result.changes) refreshArticlePages(change);
  return Response.json(
    { published: result.published, breakingEnded: result.breakingEnded, nextDueAt: result.nextDueAt },
    { headers: { 'Cache-Control': 'no-store' } },
  );
}
