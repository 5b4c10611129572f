import { describe, expect, it } from 'vitest';
import { serverHeapFlags } from './server-heap';

const youngGeneration = '--max-semi-space-size=64';

describe('the server heap flags', () => {
  it('limit the old generation to the in-memory page cache bound plus room for the rest', () => {
    expect(serverHeapFlags({})).toEqual(['--max-old-space-size=640', youngGeneration]);
    expect(serverHeapFlags({ LEDE_CACHE_MEMORY_MB: '1024' })).toEqual(['--max-old-space-size=1408', youngGeneration]);
  });

  it('leave the page cache out when it lives in Redis, and never go below 512 MB', () => {
    expect(serverHeapFlags({ REDIS_URL: 'redis://127.0.0.1:6379', LEDE_CACHE_MEMORY_MB: '1024' })).toEqual(['--max-old-space-size=512', youngGeneration]);
    expect(serverHeapFlags({ LEDE_CACHE_MEMORY_MB: '16' })).toEqual(['--max-old-space-size=512', youngGeneration]);
  });

  it("keep the operator's own limits from NODE_OPTIONS, each on its own", () => {
    expect(serverHeapFlags({ NODE_OPTIONS: '--max-old-space-size=2048' })).toEqual([youngGeneration]);
    expect(serverHeapFlags({ NODE_OPTIONS: '--max-semi-space-size=16' })).toEqual(['--max-old-space-size=640']);
    expect(serverHeapFlags({ NODE_OPTIONS: '--max-semi-space-size=32 --max-old-space-size=900' })).toEqual([]);
  });

  it('are flags this Node accepts', async () => {
    const { execFileSync } = await import('node:child_process');
    const out = execFileSync(process.execPath, [...serverHeapFlags({}), '-e', 'process.stdout.write("ok")'], { encoding: 'utf8' });
    expect(out).toBe('ok');
  });
});
