// Runs before every page request (not static assets or media): scheduled publishing falls due here.
// Keep it cheap: it sits in front of every cached page.
import { NextResponse, type NextRequest } from 'next/server';
import { runDueWorkIfNeeded } from '@/lib/scheduling/due-trigger';
import { routeRedirect } from '@/lib/routing/redirect';
import { notFoundGate } from '@/lib/routing/not-found-gate';
import { requestPolicy } from '@/lib/security/request-policy';

export async function proxy(request: NextRequest): Promise<NextResponse> {
  // Security headers: a nonce for whatever renders now, HSTS on https (lib/security/request-policy.ts).
  const policy = requestPolicy(request);
  // Legacy URLs and non-canonical spellings (case, trailing slash) answer one 301 before anything else.
  const redirect = await routeRedirect(request);
  if (redirect) return policy.apply(redirect);
  await runDueWorkIfNeeded();
  // After the due work: an article that just went live must be found.
  return policy.apply((await notFoundGate(request)) ?? NextResponse.next());
}

export const config = {
  // Not media uploads either: a proxy buffers at most 10 MB of a request body and videos are larger.
  matcher: ['/((?!_next/|media/|api/internal/|api/admin/media|favicon.ico).*)'],
};
