// The redirects the request proxy makes before anything renders (proxy.ts calls routeRedirect first):
//   1. a legacy site URL (config.LEGACY_URL_PATTERNS) → 301 to the article's canonical URL;
//   2. a path spelled differently from its canonical form (case, trailing or doubled slashes) → one
//      301 to the canonical form, or straight to the article when that form is an old slug, so a
//      crawler never follows a chain.
// Everything else returns null at the cost of a few string checks; /{section}/{slug} misses are
// left to the article page (findArticleRedirect), so ordinary requests never wait for the database.
import { NextResponse, type NextRequest } from 'next/server';
import { legacyIdFromPath } from '@/lib/routing/legacy';
import { isExempt, normalisePath } from '@/lib/routing/normalise';

/** What to do with a path: pure, so the decisions are tested without a server. */
export type RedirectDecision =
  | { kind: 'none' }
  | { kind: 'legacy'; legacyId: string }
  | { kind: 'normalise'; path: string; articleCandidate: { section: string; slug: string } | null };

export function decideRedirect(method: string, pathname: string): RedirectDecision {
  if (method !== 'GET' && method !== 'HEAD') return { kind: 'none' };
  const legacyId = legacyIdFromPath(pathname);
  if (legacyId) return { kind: 'legacy', legacyId };
  if (isExempt(pathname)) return { kind: 'none' };
  const path = normalisePath(pathname);
  if (path === pathname) return { kind: 'none' };
  const segments = path.split('/').filter(Boolean);
  const articleCandidate = segments.length === 2 && segments[1] !== 'older' && segments[1] !== 'newer' && segments[0] !== 'tag'
    ? { section: segments[0]!, slug: segments[1]! }
    : null;
  return { kind: 'normalise', path, articleCandidate };
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
  // The database is reached only for the rare paths that matched above (loaded on demand, so the
  // proxy's common path does not even load the client).
  const { findArticleRedirect, findLegacyRedirect } = await import('@/lib/articles/redirects');
  if (decision.kind === 'legacy') {
    const target = await findLegacyRedirect(decision.legacyId);
    // Unknown or unpublished id: let the request go on to app/news (or the page), which answers 404.
    return target ? permanent(request, target, false) : null;
  }
  const candidate = decision.articleCandidate;
  const article = candidate ? await findArticleRedirect(candidate.section, candidate.slug) : null;
  return permanent(request, article ?? decision.path, true);
}
