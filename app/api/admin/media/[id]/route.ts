// Deleting media from scripts: DELETE /api/admin/media/{id} with the session cookie and an Origin of
// this site. Same checks and command as the library's delete button: 403 for a writer, 404 for media
// that is not there, 409 with the articles that use it, 200 with what was deleted. GET reads one item
// for the body editor's picture and video blocks (any signed-in newsroom user, like the library page).
import { NextResponse } from 'next/server';
import { z } from 'zod';
import { authorise, currentUser } from '@/lib/auth/current';
import { getMediaForAdmin } from '@/lib/media/library';
import { deleteMedia, MediaDeleteError } from '@/lib/media/delete';
import { answeringDatabaseOutage } from '@/lib/outage/api';

export const dynamic = 'force-dynamic';

const params = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });

const json = (status: number, payload: object) => NextResponse.json(payload, { status, headers: { 'Cache-Control': 'no-store' } });

export const DELETE = answeringDatabaseOutage(async (_request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> => {
  const route = params.safeParse(await context.params);
  if (!route.success) return json(404, { error: 'Not found.' });
  const auth = await authorise('media.manage');
  if (!auth.ok) return json(auth.status, { error: auth.message });
  try {
    const result = await deleteMedia(auth.user, route.data.id, auth.ip);
    return json(200, { deleted: result.mediaIds });
  } catch (error) {
    if (error instanceof MediaDeleteError) return json(error.status, { error: error.message, uses: error.uses });
    throw error;
  }
});

export const GET = answeringDatabaseOutage(async (_request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> => {
  const user = await currentUser();
  if (!user) return json(401, { error: 'Sign in first.' });
  const route = params.safeParse(await context.params);
  if (!route.success) return json(404, { error: 'Not found.' });
  const media = await getMediaForAdmin(route.data.id);
  if (!media) return json(404, { error: 'Not found.' });
  const { id, kind, alt, caption, credit, thumbUrl, width, height } = media;
  return json(200, { id, kind, alt, caption, credit, thumbUrl, width, height });
});
