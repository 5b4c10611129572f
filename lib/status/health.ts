// What /status reports to load balancers and monitors: whether this instance's database answers (a
// `SELECT 1`, at most one a second, 2 s timeout: lib/db/availability.ts) and, with REDIS_URL, whether
// the shared page cache is connected. Only the database decides the status code: without Redis the
// instance still serves correct pages (from the database, docs/caching.md), so it stays in rotation.
import { databaseAnswers } from '@/lib/db/availability';
import { pageCache } from '@/lib/cache/outbox';

export type Health = {
  status: 'ok' | 'degraded' | 'down';
  database: 'up' | 'down';
  /** 'off' when REDIS_URL is not set (the page cache is in this process's memory). */
  redis: 'up' | 'down' | 'off';
};

export async function siteHealth(): Promise<Health> {
  const [database, cache] = await Promise.all([databaseAnswers(), pageCache().then((module) => module.pageCacheStatus())]);
  const redis = cache.mode !== 'redis' ? 'off' : cache.redisConnected ? 'up' : 'down';
  const status = !database ? 'down' : redis === 'down' ? 'degraded' : 'ok';
  return { status, database: database ? 'up' : 'down', redis };
}

export const healthStatusCode = (health: Health): number => (health.database === 'up' ? 200 : 503);
