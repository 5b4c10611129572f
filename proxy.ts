// Runs before every page request (not static assets or media): scheduled publishing falls due here.
// Keep it cheap: it sits in front of every cached page.
import { NextResponse, type NextRequest } from 'next/server';
import { runDueWorkIfNeeded } from '@/lib/scheduling/due-trigger';
import { routeRedirect } from '@/lib/routing/redirect';
import { notFoundGate } from '@/lib/routing/not-found-gate';
import { hasMalformedEscapes, malformedAddressResponse } from '@/lib/routing/malformed';

export async function proxy(request: NextRequest): Promise<NextResponse> {
  // Before Next decodes the path: a malformed percent-escape would be a 500 there (issue 10, defect 6).
  if (hasMalformedEscapes(request.nextUrl.pathname)) return malformedAddressResponse();
  // /media/ is here for that check alone: files need no redirect, due work or 404 gate.
  if (request.nextUrl.pathname.startsWith('/media/')) return NextResponse.next();
  // Legacy URLs and non-canonical spellings (case, trailing slash) answer one 301 before anything else.
  const redirect = await routeRedirect(request);
  if (redirect) return redirect;
  await runDueWorkIfNeeded();
  // After the due work: an article that just went live must be found.
  return (await notFoundGate(request)) ?? NextResponse.next();
}

export const config = {
  // Not media uploads either: a proxy buffers at most 10 MB of a request body and videos are larger.
  matcher: ['/((?!_next/|media/|api/internal/|api/admin/media|favicon.ico).*)', '/media/:path*'],
};
