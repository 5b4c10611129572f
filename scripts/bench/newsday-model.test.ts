import { describe, expect, it } from 'vitest';
import { MIX, pageLinks, rankAt, trafficModel, zipfCdf } from './newsday-model';

/** A seeded source of [0, 1) (mulberry32): the same visits every run. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('zipfCdf and rankAt', () => {
  it('gives rank 1 weight 1/H(n) and finds the rank of a cumulative weight', () => {
    const cdf = zipfCdf(4, 1);
    const harmonic = 1 + 1 / 2 + 1 / 3 + 1 / 4;
    expect(cdf[0]).toBeCloseTo(1 / harmonic, 12);
    expect(cdf[3]).toBe(1);
    expect(rankAt(cdf, 0)).toBe(1);
    expect(rankAt(cdf, 1 / harmonic - 1e-9)).toBe(1);
    expect(rankAt(cdf, 1 / harmonic + 1e-9)).toBe(2);
    expect(rankAt(cdf, 0.999999)).toBe(4);
  });
});

describe('trafficModel', () => {
  const data = {
    newest: Array.from({ length: 2000 }, (_, index) => `/world/new-${index}`),
    archive: Array.from({ length: 100 }, (_, index) => `/business/old-${index}`),
    sections: ['/world', '/business'],
    tags: ['/tag/water'],
  };

  it('the mix sums to 1', () => {
    expect(MIX.reduce((sum, [, share]) => sum + share, 0)).toBeCloseTo(1, 12);
  });

  it('sends visits in the mix, most article views to the newest, the tail and the crawler to the archive', () => {
    const model = trafficModel(data, 1_000_000, ['/sitemap.xml', '/sitemaps/articles/1.xml'], seeded(14));
    const counts = new Map<string, number>();
    let newestThousand = 0;
    let articleViews = 0;
    let archiveArticleViews = 0;
    for (let index = 0; index < 100_000; index++) {
      const visit = model.next();
      counts.set(visit.kind, (counts.get(visit.kind) ?? 0) + 1);
      if (visit.kind === 'article') {
        articleViews += 1;
        const rank = data.newest.indexOf(visit.path);
        if (rank >= 0 && rank < 1000) newestThousand += 1;
        if (visit.path.startsWith('/business/old-')) archiveArticleViews += 1;
      }
      if (visit.kind === 'crawler-article') expect(visit.path).toMatch(/^\/business\/old-\d+$/);
      if (visit.kind === 'crawler-sitemap') expect(['/sitemap.xml', '/sitemaps/articles/1.xml']).toContain(visit.path);
      if (visit.kind === 'search') expect(visit.path).toMatch(/^\/search\?q=[a-z]+(\+[a-z]+)?$/);
    }
    for (const [kind, share] of MIX) expect(Math.abs((counts.get(kind) ?? 0) / 100_000 - share), kind).toBeLessThan(0.01);
    // 69 % of article views on the newest thousand (ZIPF_EXPONENT 1.1 over a million articles).
    expect(newestThousand / articleViews).toBeGreaterThan(0.67);
    expect(newestThousand / articleViews).toBeLessThan(0.71);
    expect(model.newestShare(1000)).toBeCloseTo(0.69, 2);
    // Ranks past the newest 2,000 go to the archive: a long tail of cache misses.
    expect(archiveArticleViews / articleViews).toBeGreaterThan(0.15);
  });
});

describe('pageLinks', () => {
  it('lists the site page links once each in document order, not assets, feeds or other sites', () => {
    const html = [
      '<a href="/world">World</a>',
      '<a class="x" href="/world/ferry-1">Ferry</a>',
      '<a href="/world">World again</a>',
      '<a href="/search?q=a&amp;page=2" rel="next">More</a>',
      '<a href="https://example.org/x">Out</a>',
      '<a href="/feeds/rss.xml">RSS</a>',
      '<a href="/media/uploads/clip.mp4">Video</a>',
      '<a href="#main">Skip</a>',
      '<link href="/world/not-a-link"/>',
      '<a href="/sitemap.xml">Map</a>',
    ].join('');
    expect(pageLinks(html)).toEqual(['/world', '/world/ferry-1', '/search?q=a&page=2']);
  });
});
