// A form posted to one of our pages from another site. Every POST to a page is a server action (with
// the Next-Action header, or, from a browser without script, a multipart form naming the action).
// Next refuses one whose Origin names a host other than the request's, but by throwing ("Invalid
// Server Actions request."), which the client sees as a bare 500. The request proxy answers it first
// with a 403 that says what is wrong. The action's own check (lib/auth/request.ts) still refuses
// what gets past here: a post with no Origin at all. API routes (/api/) check origin themselves.
import { NextResponse, type NextRequest } from 'next/server';
import { isSameOriginRequest } from '@/lib/auth/request';

const reading = new Set(['GET', 'HEAD', 'OPTIONS']);

/** A state-changing request to a page (not /api/) whose Origin header names another site. */
export function isForeignOriginAction(request: Pick<NextRequest, 'method' | 'headers'>, pathname: string): boolean {
  if (reading.has(request.method) || pathname.startsWith('/api/')) return false;
  // No Origin: left to the action, which refuses it with a message on the page it came from.
  if (!request.headers.get('origin')) return false;
  return !isSameOriginRequest(request.headers);
}

export function foreignOriginActionResponse(): NextResponse {
  return new NextResponse('Forbidden: this form was sent from another site. Use the newsroom’s own pages to make changes.\n', {
    status: 403,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
  });
}
