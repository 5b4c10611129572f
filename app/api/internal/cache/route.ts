// Internal: the state of this instance's page cache (memory or Redis, trusted or not, counters) and of
// the proxy's resolver (paths resolved, look-ups, answers known), for operators and the tests. Secret header like every internal route; 404 to anyone else.
import { isInternalRequest } from '@/lib/instance/internal-secret';
import { pageCacheStatus } from '@/lib/cache/status';
import { resolverStats } from '@/lib/routing/known-answers';

export const dynamic = 'force-dynamic';

export async function GET(request: Request): Promise<Response> {
  if (!isInternalRequest(request.headers)) return Response.json({ error: 'Not found' }, { status: 404 });
  // The process's memory beside the cache's own count: heap vs Buffers tells what a growth is made of.
  return Response.json({ ...(await pageCacheStatus()), resolver: resolverStats(), memory: process.memoryUsage() }, { headers: { 'Cache-Control': 'no-store' } });
}
