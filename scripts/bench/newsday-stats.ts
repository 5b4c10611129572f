// The news-day bench's tally of one phase: every request's kind, latency and what answered it (Next's
// cache, nginx's micro-cache or a render), and the figures derived from it.
import type { VisitKind } from './newsday-model';

export type Outcome = { kind: VisitKind | 'prefetch'; path: string; ms: number; status: number; nextCache: string | null; nginxCache: string | null; error?: string };

const NGINX_SERVED = new Set(['HIT', 'STALE', 'UPDATING', 'REVALIDATED']);

export const percentile = (sorted: readonly number[], p: number): number =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : Number.NaN;

/** Did this request reach the app? Direct, always; behind nginx, unless the micro-cache answered. */
export const reachedOrigin = (outcome: Outcome): boolean => !outcome.nginxCache || !NGINX_SERVED.has(outcome.nginxCache);

/** Was the page rendered for this request (not served from Next's cache or nginx's)? */
export const rendered = (outcome: Outcome): boolean => reachedOrigin(outcome) && outcome.nextCache === 'MISS';

/** The p99 the bench holds to (≤ 250 ms) is over these: the cached and cacheable pages. Search is
 *  rendered for every request and reported on its own (search_p50_ms, search_p99_ms). */
const HELD_KINDS: ReadonlySet<string> = new Set(['article', 'home', 'section', 'tag']);

export class PhaseTally {
  readonly outcomes: Outcome[] = [];
  constructor(readonly pageViewKinds: ReadonlySet<string>) {}

  add(outcome: Outcome): void {
    this.outcomes.push(outcome);
  }

  errors(): Outcome[] {
    return this.outcomes.filter((outcome) => outcome.error || outcome.status >= 400 || outcome.status === 0);
  }

  latencies(filter: (outcome: Outcome) => boolean): number[] {
    return this.outcomes.filter(filter).map((outcome) => outcome.ms).sort((a, b) => a - b);
  }

  /** p99 of reader page views but search (the documents; prefetches and crawlers apart). */
  pageViewP99(): number {
    return percentile(this.latencies((outcome) => HELD_KINDS.has(outcome.kind)), 99);
  }

  figures(seconds: number) {
    const round = (value: number, digits = 1) => Number(value.toFixed(digits));
    const pageViews = this.outcomes.filter((outcome) => this.pageViewKinds.has(outcome.kind));
    const prefetches = this.outcomes.filter((outcome) => outcome.kind === 'prefetch');
    const heldLatencies = this.latencies((outcome) => HELD_KINDS.has(outcome.kind));
    const pageViewLatencies = pageViews.map((outcome) => outcome.ms).sort((a, b) => a - b);
    const renders = this.latencies((outcome) => (outcome.kind === 'article' || outcome.kind === 'crawler-article') && rendered(outcome));
    const search = this.latencies((outcome) => outcome.kind === 'search');
    // Cache hit ratio over cacheable answers: everything but search, which is rendered per request.
    const cacheable = this.outcomes.filter((outcome) => outcome.kind !== 'search' && outcome.status === 200);
    const cacheRenders = cacheable.filter(rendered).length;
    const origin = [...pageViews, ...prefetches].filter(reachedOrigin).length;
    return {
      arrivals_per_s: round(this.outcomes.filter((outcome) => outcome.kind !== 'prefetch').length / seconds),
      page_views_per_s: round(pageViews.length / seconds),
      page_view_p50_ms: round(percentile(heldLatencies, 50)),
      page_view_p99_ms: round(percentile(heldLatencies, 99)),
      page_view_with_search_p99_ms: round(percentile(pageViewLatencies, 99)),
      all_requests_p99_ms: round(percentile(this.latencies((outcome) => outcome.kind !== 'prefetch'), 99)),
      prefetch_requests_per_page_view: round(prefetches.length / Math.max(1, pageViews.length), 3),
      origin_requests_per_page_view: round(origin / Math.max(1, pageViews.length), 3),
      cache_hit_ratio: round(1 - cacheRenders / Math.max(1, cacheable.length), 4),
      uncached_render_samples: renders.length,
      uncached_render_p50_ms: round(percentile(renders, 50)),
      uncached_render_p99_ms: round(percentile(renders, 99)),
      search_samples: search.length,
      search_p50_ms: round(percentile(search, 50)),
      search_p99_ms: round(percentile(search, 99)),
      errors: this.errors().length,
    };
  }
}
