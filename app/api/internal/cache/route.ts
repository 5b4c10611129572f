// Internal: the state of this instance's page cache (memory or Redis, trusted or not, counters), for
// operators and the scale-out tests. Secret header like every internal route; 404 to anyone else.
import { isInternalRequest } from '@/lib/scheduling/internal-secret';
import { pageCacheStatus } from '@/lib/cache/status';

export const dynamic = 'force-dynamic';

export async function GET(request: Request): Promise<Response> {
  if (!isInternalRequest(request.headers)) return Response.json({ error: 'Not found' }, { status: 404 });
  return Response.json(await pageCacheStatus(), { headers: { 'Cache-Control': 'no-store' } });
}
