// The readers of the coherence checks (e2e/cache-coherence.spec.ts, e2e/scale-out.spec.ts, the
// coherence bench): a change is held until every page has been asked for after its deadline, and a
// page that is slow to answer keeps it waiting, up to the limit.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { judgeCoherence, sitemapProbes, startReaders, type Change, type Observation } from './coherence';

let server: http.Server;
let base = '';
/** /slow answers after this many ms. */
let slowMs = 0;

beforeAll(async () => {
  server = http.createServer((request, response) => {
    const answer = () => response.end(`<p>Ctx${request.url === '/slow' ? 'n1a' : 'n0a'}</p>`);
    if (request.url === '/slow') setTimeout(answer, slowMs);
    else answer();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('startReaders', () => {
  it('says when every page has been asked for since a moment, and records what each answer showed', async () => {
    slowMs = 0;
    const readers = startReaders({ bases: [base], probes: () => [{ kind: 'home', path: '/' }, { kind: 'article', path: '/slow' }], loops: 2, markerPattern: /Ctxn\d+a/g });
    try {
      const since = Date.now();
      expect(readers.observedSince(since + 60_000)).toBe(false);
      expect(await readers.waitUntilObservedSince(since, 5_000)).toBe(true);
      expect(readers.observedSince(since)).toBe(true);
    } finally {
      const observations = await readers.stop();
      expect(new Set(observations.map((each) => `${each.path} ${each.markers.join()}`))).toEqual(new Set(['/ Ctxn0a', '/slow Ctxn1a']));
    }
  });

  it('waits for the slowest page, and gives up at the limit when a page is never answered in time', async () => {
    slowMs = 700;
    const readers = startReaders({ bases: [base], probes: () => [{ kind: 'home', path: '/' }, { kind: 'article', path: '/slow' }], loops: 1, markerPattern: /Ctxn\d+a/g });
    try {
      const since = Date.now();
      // One loop asks for / and /slow in turn: /slow's answer after `since` takes 700 ms or more.
      const waited = Date.now();
      expect(await readers.waitUntilObservedSince(since, 200)).toBe(false);
      expect(Date.now() - waited).toBeGreaterThanOrEqual(200);
      expect(await readers.waitUntilObservedSince(since, 5_000)).toBe(true);
      expect(Date.now() - since).toBeGreaterThanOrEqual(700);
    } finally {
      await readers.stop();
    }
  });
});

describe('judgeCoherence on the sitemaps', () => {
  // One article, published at 1,000 and unpublished at 5,000 (acknowledged 100 ms later each time).
  const changes: Change[] = [
    { label: 'publish #0', markers: ['CtxRn0a', 'CtxRn0b'], articlePath: '/world/ctxrn0a-vote', expected: { marker: 'CtxRn0a' }, sent: 1_000, acknowledged: 1_100 },
    { label: 'unpublish #0', markers: ['CtxRn0a', 'CtxRn0b'], articlePath: '/world/ctxrn0a-vote', expected: { marker: null }, sent: 5_000, acknowledged: 5_100 },
  ];
  const answer = (kind: Observation['kind'], start: number, markers: string[], status = 200): Observation => ({ kind, path: `/${kind}`, base: 'http://x', start, end: start + 10, status, markers });

  it('judges the archive file by whether it lists the article, whatever the case of its address', () => {
    const right = [answer('archive-sitemap', 1_200, []), answer('archive-sitemap', 2_200, ['ctxrn0a']), answer('archive-sitemap', 5_200, ['ctxrn0a']), answer('archive-sitemap', 6_200, [])];
    const { verdicts, figures } = judgeCoherence(changes, right, 1_000);
    expect(verdicts).toEqual([]);
    expect(figures).toEqual([{ kind: 'archive-sitemap', changes: 2, worstMs: 1_100, p50Ms: 1_100, samples: 2 }]);
  });

  it('fails an archive file that still lists an unpublished article, or answers an error', () => {
    const stale = [answer('archive-sitemap', 2_200, ['ctxrn0a']), answer('archive-sitemap', 6_200, ['ctxrn0a'])];
    expect(judgeCoherence(changes, stale, 1_000).verdicts.map((v) => `${v.change} ${v.problem}`)).toEqual(['unpublish #0 never']);
    const broken = [answer('archive-sitemap', 2_200, ['ctxrn0a'], 500), answer('archive-sitemap', 6_200, [])];
    expect(judgeCoherence(changes, broken, 1_000).verdicts.map((v) => `${v.change} ${v.problem}`)).toEqual(['publish #0 never']);
  });

  it('judges the news sitemap by its headline, as a front', () => {
    const stale = [answer('news-sitemap', 2_200, ['CtxRn0a']), answer('news-sitemap', 6_200, ['CtxRn0a'])];
    expect(judgeCoherence(changes, stale, 1_000).verdicts.map((v) => `${v.change} ${v.problem}`)).toEqual(['unpublish #0 never']);
    // The address's lower-case marker is not the headline's: the news sitemap must carry the headline.
    const addressOnly = [answer('news-sitemap', 2_200, ['ctxrn0a']), answer('news-sitemap', 6_200, [])];
    expect(judgeCoherence(changes, addressOnly, 1_000).verdicts.map((v) => `${v.change} ${v.problem}`)).toEqual(['publish #0 never']);
  });

  it('reads the archive file of the month it is asked in (UTC)', () => {
    expect(sitemapProbes(new Date('2026-11-30T23:59:59Z'))).toEqual([
      { kind: 'news-sitemap', path: '/sitemaps/news.xml' },
      { kind: 'archive-sitemap', path: '/sitemaps/articles/2026-11.xml' },
    ]);
    expect(sitemapProbes(new Date('2026-12-01T00:00:00Z'))[1]!.path).toBe('/sitemaps/articles/2026-12.xml');
  });
});
