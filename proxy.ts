// Runs before every page request (not static assets or media): scheduled publishing falls due here.
// Keep it cheap: it sits in front of every cached page.
import { NextResponse, type NextRequest } from 'next/server';
import { runDueWorkIfNeeded } from '@/lib/scheduling/due-trigger';

export async function proxy(_request: NextRequest): Promise<NextResponse> {
  await runDueWorkIfNeeded();
  return NextResponse.next();
}

export const config = {
  matcher: ['/((?!_next/|media/|api/internal/|favicon.ico).*)'],
};
