// Finding articles by words of the headline or an id, for the body editor's article card dialog:
// GET /api/admin/articles/find?q=… with the session cookie. The same search and read rule as the
// related-links picker (findArticlesToRelate): a writer never finds another writer's draft. A read
// changes nothing and JSON cannot be read by another site's page, so no proof of origin is asked for.
import { NextResponse, type NextRequest } from 'next/server';
import { z } from 'zod';
import { findArticlesToRelate } from '@/lib/articles/admin-queries';
import { currentUser } from '@/lib/auth/current';
import { answeringDatabaseOutage } from '@/lib/outage/api';

export const dynamic = 'force-dynamic';

const query = z.object({ q: z.string().max(200).catch(''), exclude: z.coerce.number().int().min(0).max(2_147_483_647).catch(0) });

export const GET = answeringDatabaseOutage(async (request: NextRequest): Promise<Response> => {
  const user = await currentUser();
  if (!user) return NextResponse.json({ error: 'Sign in first.' }, { status: 401, headers: { 'Cache-Control': 'private, no-store' } });
  const { q, exclude } = query.parse(Object.fromEntries(request.nextUrl.searchParams));
  const results = await findArticlesToRelate(q, exclude, user);
  return NextResponse.json({ results }, { headers: { 'Cache-Control': 'private, no-store' } });
});
