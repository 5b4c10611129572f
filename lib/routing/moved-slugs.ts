// The set of old article slugs (ArticleSlug), held in memory so the proxy can answer an old URL with
// a 301 at the cost of a Set lookup. A database query per article request would cost ~0.6 ms (measured
// through Prisma here) on every page view; and leaving it to the article page gives a 308 that Next
// 16 sends with its Location header twice on the first (uncached) request (vercel/next.js#82117), which
// Googlebot reports as a redirect error. The set is re-read in the background every 30 s, so every
// instance learns of a slug change within that time; until then the article page's own redirect
// (findArticleRedirect) still moves the reader.

const maxAgeMs = 30_000;

let slugs: Set<string> | null = null;
let loadedAt = 0;
let loading: Promise<void> | null = null;

async function load(): Promise<void> {
  const { db } = await import('@/lib/db/client');
  const rows = await db.articleSlug.findMany({ select: { slug: true } });
  slugs = new Set(rows.map((row) => row.slug));
  loadedAt = Date.now();
}

function refresh(): Promise<void> {
  loading ??= load().finally(() => {
    loading = null;
  });
  return loading;
}

/** True when the slug was once an article's (it may be a 301 to that article's canonical URL). */
export async function isOldSlug(slug: string): Promise<boolean> {
  if (!slugs) await refresh();
  else if (Date.now() - loadedAt > maxAgeMs) void refresh().catch(() => undefined);
  return slugs?.has(slug) ?? false;
}

/** Forget the set (tests, or a write path that wants its new old slug to redirect at once). */
export function forgetOldSlugs(): void {
  slugs = null;
}
