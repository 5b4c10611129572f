// The redirects the request proxy makes before anything renders (proxy.ts calls routeRedirect first):
//   1. a legacy site URL (config.LEGACY_URL_PATTERNS) → 301 to the article's canonical URL;
//   2. a path spelled differently from its canonical form (case, trailing or doubled slashes) → one
//      301 to the canonical form, or straight to the article when that form is an old slug, so a
//      crawler never follows a chain.
//   3. an old slug (ArticleSlug) at /{section}/{slug} → 301 to the canonical URL (the old slugs are a
//      Set in memory, lib/routing/moved-slugs.ts, so an ordinary article request costs a lookup in it).
// Everything else returns null at the cost of a few string checks; other /{section}/{slug} misses
// (a current slug under another section path) are left to the article page (findArticleRedirect).
import { NextResponse, type NextRequest } from 'next/server';
import { legacyIdFromPath } from '@/lib/routing/legacy';
import { isExempt, normalisePath } from '@/lib/routing/normalise';
import { isOldSlug } from '@/lib/routing/moved-slugs';
import { reservedArticleSlugs, reservedSectionSlugs } from '@/lib/articles/urls';

/** What to do with a path: pure, so the decisions are tested without a server. */
export type RedirectDecision =
  | { kind: 'none' }
  | { kind: 'legacy'; legacyId: string }
  | { kind: 'article'; section: string; slug: string }
  | { kind: 'normalise'; path: string; articleCandidate: { section: string; slug: string } | null };

const slugShape = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** /{section}/{slug} of a possible article (not a list page, not a reserved route), else null. */
export function articleAddress(path: string): { section: string; slug: string } | null {
  const segments = path.split('/').filter(Boolean);
  if (segments.length !== 2) return null;
  const [section, slug] = segments as [string, string];
  if (reservedSectionSlugs.has(section) || reservedArticleSlugs.has(slug) || !slugShape.test(section) || !slugShape.test(slug)) return null;
  return { section, slug };
}

export function decideRedirect(method: string, pathname: string): RedirectDecision {
  if (method !== 'GET' && method !== 'HEAD') return { kind: 'none' };
  const legacyId = legacyIdFromPath(pathname);
  if (legacyId) return { kind: 'legacy', legacyId };
  if (isExempt(pathname)) return { kind: 'none' };
  const path = normalisePath(pathname);
  if (path !== pathname) return { kind: 'normalise', path, articleCandidate: articleAddress(path) };
  const address = articleAddress(path);
  return address ? { kind: 'article', ...address } : { kind: 'none' };
}

function permanent(request: NextRequest, path: string, keepQuery: boolean): NextResponse {
  // A plain URL, not a NextURL clone: NextURL would put back the trailing slash we are removing.
  const url = new URL(path, request.nextUrl.origin);
  if (keepQuery) url.search = request.nextUrl.search;
  return NextResponse.redirect(url, 301);
}

export async function routeRedirect(request: NextRequest): Promise<NextResponse | null> {
  const decision = decideRedirect(request.method, request.nextUrl.pathname);
  if (decision.kind === 'none') return null;
  // The common case, a canonical article URL: one Set lookup, no database.
  if (decision.kind === 'article' && !(await isOldSlug(decision.slug))) return null;
  // The database is reached only for the rare paths that matched above (loaded on demand, so the
  // proxy's common path does not even load the client).
  const { findArticleRedirect, findLegacyRedirect } = await import('@/lib/articles/redirects');
  if (decision.kind === 'legacy') {
    const target = await findLegacyRedirect(decision.legacyId);
    // Unknown or unpublished id: let the request go on to app/news (or the page), which answers 404.
    return target ? permanent(request, target, false) : null;
  }
  if (decision.kind === 'article') {
    const target = await findArticleRedirect(decision.section, decision.slug);
    return target ? permanent(request, target, true) : null;
  }
  const candidate = decision.articleCandidate;
  const article = candidate ? await findArticleRedirect(candidate.section, candidate.slug) : null;
  return permanent(request, article ?? decision.path, true);
}
