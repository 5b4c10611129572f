import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SEGMENT_PATCHED_MARK, patchSegmentData } from './next-segment-data.mjs';

// The legacy prerender's two endings as Next 16.4.6's minified page runtime holds them: the page's
// render, and the error page's (a comma expression returned).
const pageEnding = 'async function render(t,r,en,s1){let o={},y={},h={};let f=await en();r.flightData=f,await s1(f,o,y,h,t.pagePath,r);return r}';
const errorEnding = 'async function renderError(t,r,en,s1){let k={},y={},h={};let n=await en();return r.flightData=n,await s1(n,k,y,h,t.pagePath,r),{error:void 0,metadata:r}}';

type Render = (t: { pagePath: string }, r: Record<string, unknown>, en: () => Promise<string>, s1: (...args: unknown[]) => Promise<void>) => Promise<unknown>;
const load = (source: string): Render => new Function(`return ${source}`)() as Render;

/** Next's collectSegmentData as far as the caller sees it: it adds the segments to the metadata. */
const collectSegments = async (payload: unknown, ...rest: unknown[]) => {
  const metadata = rest[4] as Record<string, unknown>;
  metadata.segmentData = new Map([['/_tree', `tree of ${String(payload)}`]]);
};

describe('the segment-data edit to Next', () => {
  it('drops the segment step from both legacy prerender endings, and is idempotent', () => {
    const once = patchSegmentData(`${pageEnding};${errorEnding}`);
    expect(once.changed).toBe(2);
    expect(once.text).toContain('r.flightData=f/*lede:no-segment-data*/;return r');
    expect(once.text).toContain('return r.flightData=n/*lede:no-segment-data*/,{error:void 0,metadata:r}');
    expect(SEGMENT_PATCHED_MARK.test(once.text)).toBe(true);
    expect(patchSegmentData(once.text)).toEqual({ text: once.text, changed: 0 });
  });

  it('keeps the page payload and no longer makes the segments', async () => {
    const payload = async () => 'payload';
    const before = {};
    await load(pageEnding)({ pagePath: '/x' }, before, payload, collectSegments);
    expect(before).toEqual({ flightData: 'payload', segmentData: new Map([['/_tree', 'tree of payload']]) });

    const after = {};
    await load(patchSegmentData(pageEnding).text)({ pagePath: '/x' }, after, payload, collectSegments);
    expect(after).toEqual({ flightData: 'payload' });

    const errorAfter = {};
    const answer = await load(patchSegmentData(errorEnding).text)({ pagePath: '/x' }, errorAfter, payload, collectSegments);
    expect(answer).toEqual({ error: undefined, metadata: { flightData: 'payload' } });
  });

  it('leaves the cacheComponents prerender (which Lede does not use) as it is', () => {
    const other = 'r.flightData=Buffer.concat(x);let eF=r.flightData;await s1(eF,ej,y,h,t.pagePath,r);';
    expect(patchSegmentData(other)).toEqual({ text: other, changed: 0 });
  });

  it('is applied to the runtime that renders pages in this install (npm install runs scripts/patch-next.mjs)', () => {
    const runtime = fs.readFileSync(path.join('node_modules', 'next', 'dist', 'compiled', 'next-server', 'app-page-turbo.runtime.prod.js'), 'utf8');
    expect(runtime.match(new RegExp(SEGMENT_PATCHED_MARK.source, 'g'))).toHaveLength(2);
    expect(patchSegmentData(runtime).changed).toBe(0);
  });
});
