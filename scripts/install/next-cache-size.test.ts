import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PATCHED_MARK, patchCacheSize } from './next-cache-size.mjs';

// The statement as Next 16.4.6's minified runtimes hold it, inside a method of the same shape.
const minifiedSet =
  'class C{constructor(h){this.hasCustomCacheHandler=h}set(e,t,r){let n=e;let i=JSON.stringify(t).length;if(r.fetchCache&&i>2097152&&!this.hasCustomCacheHandler&&!r.isImplicitBuildTimeCache){return"refused "+i}return"stored"}}';

interface CacheLike {
  set(key: string, data: unknown, ctx: { fetchCache?: boolean }): string;
}
type CacheClass = new (customHandler: boolean) => CacheLike;

function load(source: string): CacheClass {
  return new Function(`return ${source}`)() as CacheClass;
}

/** An entry that cannot be measured: JSON.stringify of it throws. */
const unmeasurable = {
  toJSON() {
    throw new Error('measured');
  },
};

describe('the cache-size edit to Next', () => {
  it('rewrites the minified statement to measure only fetch entries, and is idempotent', () => {
    const once = patchCacheSize(minifiedSet);
    expect(once.changed).toBe(1);
    expect(once.text).toContain('let i=r.fetchCache?JSON.stringify(t).length:0;if(r.fetchCache&&i>2097152');
    expect(PATCHED_MARK.test(once.text)).toBe(true);
    const twice = patchCacheSize(once.text);
    expect(twice).toEqual({ text: once.text, changed: 0 });
  });

  it('no longer measures a page entry, and still refuses a fetch entry over 2 MB without a custom handler', () => {
    const Original = load(minifiedSet);
    const Patched = load(patchCacheSize(minifiedSet).text);
    expect(() => new Original(true).set('/page', unmeasurable, {})).toThrow('measured');
    expect(new Patched(true).set('/page', unmeasurable, {})).toBe('stored');
    const big = { body: 'x'.repeat(2 * 1024 * 1024) };
    expect(new Patched(false).set('fetch', big, { fetchCache: true })).toBe(`refused ${JSON.stringify(big).length}`);
    expect(new Patched(true).set('fetch', big, { fetchCache: true })).toBe('stored');
    expect(new Patched(false).set('fetch', { body: 'small' }, { fetchCache: true })).toBe('stored');
  });

  it("rewrites Next's unminified source form", () => {
    const source = [
      '        const itemSize = JSON.stringify(data).length;',
      '        if (ctx.fetchCache && itemSize > 2 * 1024 * 1024 && // comment',
    ].join('\n');
    const { text, changed } = patchCacheSize(source);
    expect(changed).toBe(1);
    expect(text.split('\n')[0]).toBe('        const itemSize = ctx.fetchCache ? JSON.stringify(data).length : 0;');
  });

  it('is applied to the runtime that renders pages in this install (npm install runs scripts/patch-next.mjs)', () => {
    const runtime = fs.readFileSync(path.join('node_modules', 'next', 'dist', 'compiled', 'next-server', 'app-page-turbo.runtime.prod.js'), 'utf8');
    expect(PATCHED_MARK.test(runtime)).toBe(true);
    expect(patchCacheSize(runtime).changed).toBe(0);
  });
});
