import { findMediaFile, mediaResponse } from '@/lib/media/files';

type Context = { params: Promise<{ path: string[] }> };

async function serve(request: Request, { params }: Context): Promise<Response> {
  const media = findMediaFile((await params).path);
  if (!media) return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  return mediaResponse(media, request.headers.get('range'), request.method);
}

export const GET = serve;
export const HEAD = serve;
