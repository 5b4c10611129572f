// What the request proxy answers while the database is not answering (docs/decisions/0013):
// - a page in the cache is served from it: the proxy asks this same server for it once, marked as
//   internal so that the proxy lets that request through untouched, and passes on any answer that is
//   not a server error (a cached page, a cached 404, a redirect); Next's cache decides, in memory or
//   in Redis, with its own rules for stale pages, so nothing here has to know its keys;
// - a server action goes on: the action answers for itself (the article form keeps the text and says
//   the save failed);
// - anything else gets a 503 with Retry-After: a readable page, or JSON under /api/.
import { NextResponse, type NextRequest } from 'next/server';
import { loopbackOrigin } from '@/lib/instance/address';
import { internalSecret, isInternalRequest } from '@/lib/instance/internal-secret';
import { databaseUnavailableJson } from '@/lib/outage/api';
import { RETRY_AFTER_SECONDS, outagePageHtml } from '@/lib/outage/page';

/** Paths the proxy must never answer for: /status reports the outage itself. */
const ANSWERS_FOR_ITSELF = new Set(['/status']);

/** True for the proxy's own loopback request and for /status: the proxy lets them through as they are. */
export function passesThrough(request: NextRequest): boolean {
  return ANSWERS_FOR_ITSELF.has(request.nextUrl.pathname) || (request.headers.has('x-lede-internal') && isInternalRequest(request.headers));
}

// Hop-by-hop headers, and the encoding undici already undid.
const NOT_FORWARDED = ['connection', 'keep-alive', 'transfer-encoding', 'content-encoding', 'content-length', 'host'];

async function fromCache(request: NextRequest): Promise<NextResponse | null> {
  const url = new URL(`${request.nextUrl.pathname}${request.nextUrl.search}`, loopbackOrigin());
  const headers = new Headers(request.headers);
  for (const name of NOT_FORWARDED) headers.delete(name);
  headers.set('accept-encoding', 'identity');
  headers.set('x-lede-internal', internalSecret());
  try {
    const response = await fetch(url, { method: request.method, headers, redirect: 'manual', cache: 'no-store', signal: AbortSignal.timeout(10_000) });
    if (response.status >= 500) {
      await response.body?.cancel();
      return null;
    }
    const out = new Headers(response.headers);
    for (const name of NOT_FORWARDED) out.delete(name);
    return new NextResponse(response.body, { status: response.status, headers: out });
  } catch {
    return null;
  }
}

function unavailable(request: NextRequest): NextResponse {
  const headers = { 'Retry-After': String(RETRY_AFTER_SECONDS), 'Cache-Control': 'no-store' };
  const path = request.nextUrl.pathname;
  if (path.startsWith('/api/')) return databaseUnavailableJson();
  const body = request.method === 'HEAD' ? null : outagePageHtml(path === '/admin' || path.startsWith('/admin/'));
  return new NextResponse(body, { status: 503, headers: { ...headers, 'Content-Type': 'text/html; charset=utf-8' } });
}

export async function answerWithoutDatabase(request: NextRequest): Promise<NextResponse> {
  if (request.headers.has('next-action')) return NextResponse.next();
  if (request.method === 'GET' || request.method === 'HEAD') {
    const cached = await fromCache(request);
    if (cached) return cached;
  }
  return unavailable(request);
}
