import { describe, expect, it } from 'vitest';
import { serverHeapFlags } from './server-heap';

describe('the server heap limit', () => {
  it('is the in-memory page cache bound plus room for the rest', () => {
    expect(serverHeapFlags({})).toEqual(['--max-old-space-size=640']);
    expect(serverHeapFlags({ LEDE_CACHE_MEMORY_MB: '1024' })).toEqual(['--max-old-space-size=1408']);
  });

  it('leaves the page cache out when it lives in Redis, and never goes below 512 MB', () => {
    expect(serverHeapFlags({ REDIS_URL: 'redis://127.0.0.1:6379', LEDE_CACHE_MEMORY_MB: '1024' })).toEqual(['--max-old-space-size=512']);
    expect(serverHeapFlags({ LEDE_CACHE_MEMORY_MB: '16' })).toEqual(['--max-old-space-size=512']);
  });

  it("keeps the operator's own limit from NODE_OPTIONS", () => {
    expect(serverHeapFlags({ NODE_OPTIONS: '--max-old-space-size=2048' })).toEqual([]);
  });
});
