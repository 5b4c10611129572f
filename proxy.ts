// Runs before page requests (not static assets or media): the CSP nonce and HSTS, scheduled
// publishing, the one resolution of the path (page, 301 or 404), and while the database is gone, the
// cache or a 503. Not before a request whose answers are all known already: the server hands those
// straight to Next (lib/routing/known-page.ts, scripts/serve.mjs), so a cached page read again does
// not pay for running a proxy at all (docs/decisions/0026-proxy-off-the-cached-path.md).
import { NextResponse, type NextRequest } from 'next/server';
import { runDueWorkIfNeeded } from '@/lib/articles/scheduling/due-trigger';
import { resolvePublicPath } from '@/lib/routing/resolve-path';
import { respondToPath } from '@/lib/routing/respond';
import { databaseLastAnswered, failedForWantOfDatabase } from '@/lib/db/availability';
import { answerWithoutDatabase, passesThrough } from '@/lib/outage/answer';
import { hasMalformedEscapes, malformedAddressResponse } from '@/lib/routing/malformed';
import { foreignOriginActionResponse, isForeignOriginAction } from '@/lib/security/foreign-action';
import { requestPolicy, type RequestPolicy } from '@/lib/security/request-policy';

export async function proxy(request: NextRequest): Promise<NextResponse> {
  // Before Next decodes the path: a malformed percent-escape would be a 500 there (issue 10, defect 6).
  if (hasMalformedEscapes(request.nextUrl.pathname)) return malformedAddressResponse();
  // /media/ is here for that check alone: files need no due work, resolution or page policy.
  if (request.nextUrl.pathname.startsWith('/media/')) return NextResponse.next();
  // Before Next's own origin check, which answers a foreign server action with a bare 500.
  if (isForeignOriginAction(request, request.nextUrl.pathname)) return foreignOriginActionResponse();
  // Security headers: a nonce for whatever renders now, HSTS on https (lib/security/request-policy.ts).
  const policy = requestPolicy(request);
  if (passesThrough(request)) return policy.apply(NextResponse.next());
  // The database is known to be gone: cached pages from the cache, the rest a 503 (lib/outage/answer.ts).
  if (!databaseLastAnswered()) return answerWithoutDatabase(request);
  return routeWithDatabase(request, policy).catch(async (error: unknown) => {
    // The database went away since the last probe: a cached page must not become an error for it.
    if (await failedForWantOfDatabase(error)) return answerWithoutDatabase(request);
    throw error;
  });
}

async function routeWithDatabase(request: NextRequest, policy: RequestPolicy): Promise<NextResponse> {
  await runDueWorkIfNeeded();
  // After the due work, so an article that just went live is found. Once per request: page, one 301
  // to the canonical URL, or 404 (lib/routing/resolve-path.ts).
  const answer = await resolvePublicPath(request.method, request.nextUrl.pathname, request.nextUrl.search);
  return policy.apply(respondToPath(request, answer));
}

export const config = {
  // Not media uploads either (POST /api/admin/media): a proxy buffers at most 10 MB of a request body
  // and videos are larger. The media library's other routes (/api/admin/media/{id}) carry no body.
  // Nor /status/bare: the benchmark's baseline, the page the proxy costs nothing (app/status/bare).
  // Nor a request the server marked x-lede-resolved: one whose every answer here is already known
  // (a remembered page, no due work, the database up), with the headers added by the server itself
  // (lib/routing/known-page.ts, which names the header; a test keeps the two the same).
  matcher: [
    { source: '/((?!_next/|media/|api/internal/|api/admin/media|favicon.ico|status/bare$).*)', missing: [{ type: 'header', key: 'x-lede-resolved' }] },
    '/media/:path*',
    '/api/admin/media/:path+',
  ],
};
