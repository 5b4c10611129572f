// This instance's page cache and outbox, as /api/internal/cache reports them.
import { pageCache } from '@/lib/cache/outbox';

export async function pageCacheStatus(): Promise<Record<string, unknown>> {
  return (await pageCache()).pageCacheStatus();
}
