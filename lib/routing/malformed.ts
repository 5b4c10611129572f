// Addresses whose percent-escapes do not decode as UTF-8 ("/%", "/feeds/%E0%A4%A/rss.xml", "/%FF"):
// Next's router decodes dynamic segments before any route code runs and answers such a path with a
// bare 500, so the request proxy refuses them first with a 400 that says what is wrong.
import { NextResponse } from 'next/server';

export function hasMalformedEscapes(pathname: string): boolean {
  if (!pathname.includes('%')) return false;
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
}

export function malformedAddressResponse(): NextResponse {
  return new NextResponse('Bad request: the address has a percent-escape that is not valid UTF-8.\n', {
    status: 400,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
  });
}
