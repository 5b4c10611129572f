// The set of old article slugs (ArticleSlug), held in memory so the proxy can answer an old URL with
// a 301 at the cost of a Set lookup. A database query per article request would cost ~0.6 ms (measured
// through Prisma here) on every page view; and leaving it to the article page gives a 308 that Next
// 16 sends with its Location header twice on the first (uncached) request (vercel/next.js#82117), which
// Googlebot reports as a redirect error. The set is re-read in the background every 30 s, so every
// instance learns of a slug change within that time. Every page refresh carried out from the outbox
// (lib/cache/outbox.ts, on every instance) forgets the set at once, so a slug change redirects
// everywhere within the outbox's poll. The state is on globalThis: the proxy's bundle reads it, the
// outbox (another bundle) forgets it.

const maxAgeMs = 30_000;

type MovedSlugs = { slugs: Set<string> | null; loadedAt: number; loading: Promise<void> | null; generation: number };
const globalForSlugs = globalThis as unknown as { ledeMovedSlugs?: MovedSlugs };
const state: MovedSlugs = (globalForSlugs.ledeMovedSlugs ??= { slugs: null, loadedAt: 0, loading: null, generation: 0 });

async function load(): Promise<void> {
  const generation = state.generation;
  const { db } = await import('@/lib/db/client');
  const rows = await db.articleSlug.findMany({ select: { slug: true } });
  // Forgotten while loading: this read may predate the change, so it is not kept.
  if (generation !== state.generation) return;
  state.slugs = new Set(rows.map((row) => row.slug));
  state.loadedAt = Date.now();
}

function refresh(): Promise<void> {
  state.loading ??= load().finally(() => {
    state.loading = null;
  });
  return state.loading;
}

/** True when the slug was once an article's (it may be a 301 to that article's canonical URL). */
export async function isOldSlug(slug: string): Promise<boolean> {
  if (!state.slugs) {
    await refresh();
    // Forgotten during that load: read once more, after the change.
    if (!state.slugs) await refresh();
  } else if (Date.now() - state.loadedAt > maxAgeMs) void refresh().catch(() => undefined);
  return state.slugs?.has(slug) ?? false;
}

/** Forget the set (a page refresh, or a test): the next request reads it again. */
export function forgetOldSlugs(): void {
  state.slugs = null;
  state.generation += 1;
}
