// Internal: publishes scheduled articles that fell due and ends breaking flags (each recording its
// page refresh in the outbox with the write), then carries the refreshes out before answering.
// Called by the request proxy on this same instance (lib/articles/scheduling/due-trigger.ts).
import { refreshPublicPages } from '@/lib/cache/refresh';
import { runDueWork } from '@/lib/articles/scheduling/due-work';
import { isInternalRequest } from '@/lib/instance/internal-secret';

export async function POST(request: Request): Promise<Response> {
  if (!isInternalRequest(request.headers)) return Response.json({ error: 'Not found' }, { status: 404 });
  const result = await runDueWork();
  if (result.changes.length) await refreshPublicPages();
  return Response.json(
    { published: result.published, breakingEnded: result.breakingEnded, nextDueAt: result.nextDueAt },
    { headers: { 'Cache-Control': 'no-store' } },
  );
}
