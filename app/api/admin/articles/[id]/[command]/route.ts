// A small JSON API for publishing, for scripts and tools: POST /api/admin/articles/{id}/publish|unpublish
// with the session cookie and, optionally, {"version": n}. Same checks as the admin's buttons: origin,
// session, role (403 for a writer), then the same commands and the same page refresh.
import { NextResponse, type NextRequest } from 'next/server';
import { z } from 'zod';
import { recordIdParam } from '@/lib/articles/params';
import { authorise } from '@/lib/auth/current';
import { ArticleCommandError } from '@/lib/articles/commands/result';
import { publishArticle, unpublishArticle } from '@/lib/articles/commands/status';
import { refreshPublicPages } from '@/lib/cache/refresh';
import { answeringDatabaseOutage } from '@/lib/outage/api';

export const dynamic = 'force-dynamic';

const params = z.object({ id: recordIdParam, command: z.enum(['publish', 'unpublish']) });
const body = z.object({ version: z.coerce.number().int().positive().optional() }).catch({});

const json = (status: number, payload: object) => NextResponse.json(payload, { status, headers: { 'Cache-Control': 'no-store' } });

export const POST = answeringDatabaseOutage(async (request: NextRequest, context: { params: Promise<{ id: string; command: string }> }): Promise<Response> => {
  const route = params.safeParse(await context.params);
  if (!route.success) return json(404, { error: 'Not found.' });
  const auth = await authorise('article.publish');
  if (!auth.ok) return json(auth.status, { error: auth.message });
  const { version } = body.parse(await request.json().catch(() => ({})));
  try {
    const run = route.data.command === 'publish' ? publishArticle : unpublishArticle;
    const result = await run(auth.user, route.data.id, version ?? null, auth.ip);
    if (result.change) await refreshPublicPages();
    return json(200, { id: route.data.id, version: result.version });
  } catch (error) {
    if (error instanceof ArticleCommandError) return json(error.status, { error: error.message });
    throw error;
  }
});
