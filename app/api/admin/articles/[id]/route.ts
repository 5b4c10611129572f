// Reading one article as JSON, for scripts and tools: GET /api/admin/articles/{id} with the session
// cookie. The newsroom's read rule applies (lib/auth/roles.ts): an article the user may not read
// answers 404, exactly like one that does not exist (docs/decisions/0010). A read changes nothing, so
// no proof of origin is asked for; the answer is JSON, which another site's page cannot read.
import { NextResponse } from 'next/server';
import { z } from 'zod';
import { getArticleForEdit } from '@/lib/articles/admin-queries';
import { currentUser } from '@/lib/auth/current';
import { answeringDatabaseOutage } from '@/lib/outage/api';

export const dynamic = 'force-dynamic';

const params = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });

const json = (status: number, payload: object) => NextResponse.json(payload, { status, headers: { 'Cache-Control': 'private, no-store' } });

export const GET = answeringDatabaseOutage(async (_request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> => {
  const user = await currentUser();
  if (!user) return json(401, { error: 'Sign in first.' });
  const route = params.safeParse(await context.params);
  if (!route.success) return json(404, { error: 'Not found.' });
  const article = await getArticleForEdit(route.data.id, user);
  if (!article) return json(404, { error: 'Not found.' });
  const { related, ...rest } = article;
  return json(200, { ...rest, related: related.map(({ id, position, label }) => ({ id, position, label })) });
});
