// The news-day traffic model of `npm run bench -- --scenario newsday` (issue 14): what each arriving
// visitor asks for. Readers pick articles on a Zipf curve over recency (the newest thousand get most
// hits, a long tail of old ones misses the cache), fronts, tag pages, searches and feeds; a crawler
// walks the sitemaps and old articles. Each reader page view is followed by the prefetch requests a
// browser makes for the links it shows, as counted in Chromium (scripts/bench/newsday-browser.ts).
import type { NewsdayData } from './newsday-data';

export type VisitKind = 'article' | 'home' | 'section' | 'tag' | 'search' | 'feed' | 'crawler-sitemap' | 'crawler-article';

/** Share of arrivals per kind (sums to 1). Crawlers are a tenth of a news site's requests or more. */
export const MIX: readonly [VisitKind, number][] = [
  ['article', 0.55],
  ['home', 0.12],
  ['section', 0.08],
  ['tag', 0.04],
  ['search', 0.05],
  ['feed', 0.03],
  ['crawler-sitemap', 0.02],
  ['crawler-article', 0.11],
];

/** Reader page views: the kinds a browser renders and prefetches from (crawlers and feed readers do not). */
export const PAGE_VIEW_KINDS: ReadonlySet<VisitKind> = new Set(['article', 'home', 'section', 'tag', 'search']);

/** Zipf exponent over recency rank: with a million articles the newest 1,000 take 69 % of article views,
 *  the newest 20,000 85 %; the other 15 % fall on the archive, where nearly every view is a cache miss. */
export const ZIPF_EXPONENT = 1.1;

/** What news-day readers search for (the search scenario replays them too: scripts/bench/search-queries.ts). */
export const SEARCH_WORDS = ['election', 'storm', 'budget', 'court', 'video', 'market', 'health', 'school', 'water', 'energy', 'police', 'football'];

export type Visit = { kind: VisitKind; path: string };

/** Cumulative Zipf weights of ranks 1..n, for sampling by binary search. */
export function zipfCdf(n: number, exponent: number): Float64Array {
  const cdf = new Float64Array(n);
  let sum = 0;
  for (let rank = 1; rank <= n; rank++) {
    sum += 1 / rank ** exponent;
    cdf[rank - 1] = sum;
  }
  for (let index = 0; index < n; index++) cdf[index]! /= sum;
  return cdf;
}

/** The 1-based rank whose cumulative weight first reaches u (0 ≤ u < 1). */
export function rankAt(cdf: Float64Array, u: number): number {
  let low = 0;
  let high = cdf.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (cdf[middle]! < u) low = middle + 1;
    else high = middle;
  }
  return low + 1;
}

export type TrafficModel = { next: () => Visit; newestShare: (top: number) => number };

/** random: a source of [0, 1) (Math.random in the bench; a seeded one in tests). */
export function trafficModel(data: NewsdayData, articleCount: number, sitemaps: string[], random: () => number = Math.random): TrafficModel {
  const cdf = zipfCdf(Math.max(articleCount, data.newest.length), ZIPF_EXPONENT);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const article = (): string => {
    const rank = rankAt(cdf, random());
    // Ranks past the newest we know of fall in the archive: any old article, all alike to the cache.
    return rank <= data.newest.length ? data.newest[rank - 1]! : pick(data.archive);
  };
  const pathOf = (kind: VisitKind): string => {
    switch (kind) {
      case 'article':
        return article();
      case 'home':
        return '/';
      case 'section':
        return pick(data.sections);
      case 'tag':
        return pick(data.tags);
      case 'search':
        return `/search?q=${pick(SEARCH_WORDS)}${random() < 0.3 ? `+${pick(SEARCH_WORDS)}` : ''}`;
      case 'feed':
        return random() < 0.7 ? '/feeds/rss.xml' : `/feeds${pick(data.sections)}/rss.xml`;
      case 'crawler-sitemap':
        return sitemaps.length ? pick(sitemaps) : '/sitemap.xml';
      case 'crawler-article':
        return pick(data.archive);
    }
  };
  return {
    next: () => {
      let u = random();
      for (const [kind, share] of MIX) {
        if (u < share) return { kind, path: pathOf(kind) };
        u -= share;
      }
      return { kind: 'article', path: article() };
    },
    newestShare: (top: number) => cdf[Math.min(top, cdf.length) - 1]!,
  };
}

/** The site's own page links in a page, in document order, once each (what a browser could prefetch). */
export function pageLinks(html: string): string[] {
  const links = new Set<string>();
  for (const match of html.matchAll(/<a\b[^>]*?\shref="(\/[^"#]*)"/g)) {
    const href = match[1]!.replaceAll('&amp;', '&');
    if (/^\/(_next|media|feeds|api|admin)\//.test(href) || /\.(xml|json|txt)$/.test(href)) continue;
    links.add(href);
  }
  return [...links];
}
