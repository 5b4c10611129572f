// Finding contributors by words of their name, for the article form's byline picker:
// GET /api/admin/contributors/find?q=… with the session cookie. Any newsroom account may search
// (writers pick bylines; only editors manage profiles). Retired contributors are not offered. A read
// changes nothing and JSON cannot be read by another site's page, so no proof of origin is asked for.
import { NextResponse, type NextRequest } from 'next/server';
import { z } from 'zod';
import { currentUser } from '@/lib/auth/current';
import { findContributors } from '@/lib/contributors/queries';
import { answeringDatabaseOutage } from '@/lib/outage/api';

export const dynamic = 'force-dynamic';

const query = z.object({ q: z.string().max(200).catch('') });

export const GET = answeringDatabaseOutage(async (request: NextRequest): Promise<Response> => {
  const user = await currentUser();
  if (!user) return NextResponse.json({ error: 'Sign in first.' }, { status: 401, headers: { 'Cache-Control': 'private, no-store' } });
  const { q } = query.parse(Object.fromEntries(request.nextUrl.searchParams));
  const results = (await findContributors(q)).map(({ id, name, jobTitle }) => ({ id, name, jobTitle }));
  return NextResponse.json({ results }, { headers: { 'Cache-Control': 'private, no-store' } });
});
