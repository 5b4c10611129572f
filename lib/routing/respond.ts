// The resolver's answer as the proxy's response. A missing record is rewritten to an address no
// route matches, because Next 16 renders a page's notFound() as an empty HTML shell that only
// JavaScript fills in (vercel/next.js#95613, #97000), while an unmatched address gets the
// prerendered, server-rendered 404 page with status 404. A move is the proxy's own 301: a page's
// permanentRedirect() would be a 308 with, on a first render, its Location header twice
// (vercel/next.js#82117). docs/decisions/0004-not-found.md.
import { NextResponse, type NextRequest } from 'next/server';
import type { PathAnswer } from '@/lib/routing/resolve-path';

// Five segments: deeper than any public route, so no page (and no notFound() shell) answers it.
export const NOT_FOUND_PATH = '/_lede/no/such/page/here';

export function respondToPath(request: NextRequest, answer: PathAnswer): NextResponse {
  switch (answer.kind) {
    case 'moved':
      // A plain URL, not a NextURL clone: NextURL would put back a trailing slash being removed.
      return NextResponse.redirect(new URL(answer.location, request.nextUrl.origin), 301);
    case 'missing':
      return NextResponse.rewrite(new URL(NOT_FOUND_PATH, request.url));
    case 'page':
      return NextResponse.next();
  }
}
