// Media uploads: a route handler rather than a server action, because server actions cap request
// bodies at 1 MB and videos are far larger. It authorises itself like every action does. A plain HTML
// form gets a 303 back to the media page; a script asking for JSON gets JSON and a real status.
import { NextResponse, type NextRequest } from 'next/server';
import { errorCodeFor } from '@/components/admin/outcomes';
import { authorise, currentUser } from '@/lib/auth/current';
import { diskError, receiveUpload } from '@/lib/media/receive';
import { listMediaForAdmin, mediaListQuery } from '@/lib/media/library';
import { withMediaJournal } from '@/lib/media/staging';
import { uploadMedia, UploadError } from '@/lib/media/upload';
import { answeringDatabaseOutage } from '@/lib/outage/api';

export const dynamic = 'force-dynamic';

// A relative Location: behind a proxy (or on 127.0.0.1 vs localhost) Next's idea of its own origin can
// differ from the address the browser used, and a redirect to another host would lose the session.
const seeOther = (location: string) => new Response(null, { status: 303, headers: { Location: location, 'Cache-Control': 'no-store' } });

export const POST = answeringDatabaseOutage(async (request: NextRequest): Promise<Response> => {
  const wantsJson = (request.headers.get('accept') ?? '').includes('application/json');
  const answer = (status: number, body: { id?: number; error?: string }) => {
    if (wantsJson) return NextResponse.json(body, { status, headers: { 'Cache-Control': 'no-store' } });
    // The page is sent a code, never text (components/admin/outcomes.ts); JSON callers get the words.
    const params = new URLSearchParams(body.error ? { error: errorCodeFor([body.error], status === 403 ? 'forbidden' : 'invalid') } : { notice: 'uploaded', id: String(body.id) });
    return seeOther(`/admin/media?${params}`);
  };
  const auth = await authorise('media.upload');
  if (!auth.ok) {
    if (!wantsJson && auth.status === 401) return seeOther('/admin/login');
    return answer(auth.status, { error: auth.message });
  }
  try {
    // The body streams to staged files (never whole in memory); the journal removes whatever is left.
    const media = await withMediaJournal(async () => {
      const { fields, files } = await receiveUpload(request);
      return uploadMedia({ ...fields, file: files.file ?? null, poster: files.poster ?? null }, auth.user.id, auth.ip);
    });
    return answer(wantsJson ? 201 : 303, { id: media.id });
  } catch (error) {
    const refusal = error instanceof UploadError ? error : diskError(error);
    if (refusal) return answer(refusal.status, { error: refusal.message });
    if (error instanceof Error && error.name === 'ZodError') return answer(422, { error: 'Some fields are too long.' });
    throw error;
  }
});

/**
 * The library as JSON for the body editor's picture and video dialogs: GET /api/admin/media?kind=image
 * &page=1 with the session cookie. Anyone in the newsroom sees the library page; so does this. A read
 * changes nothing and JSON cannot be read by another site's page, so no proof of origin is asked for.
 */
export const GET = answeringDatabaseOutage(async (request: NextRequest): Promise<Response> => {
  const user = await currentUser();
  if (!user) return NextResponse.json({ error: 'Sign in first.' }, { status: 401, headers: { 'Cache-Control': 'private, no-store' } });
  const query = mediaListQuery.parse(Object.fromEntries(request.nextUrl.searchParams));
  const { rows, total, pageCount } = await listMediaForAdmin(query.page, query.kind);
  const items = rows.map(({ id, kind, alt, caption, credit, thumbUrl, width, height }) => ({ id, kind, alt, caption, credit, thumbUrl, width, height }));
  return NextResponse.json({ items, total, pageCount, page: query.page }, { headers: { 'Cache-Control': 'private, no-store' } });
});
