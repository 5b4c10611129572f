// Internal: one flush of the view beacon's counter (scripts/serve.mjs, lib/audience/beacon.mjs) in one
// transaction. Only this process's server knows the secret; 404 to anyone else. Answers which ids do
// not exist, so the counter stops taking them (docs/decisions/0022-audience-counts.md).
import { isFlushRequest } from '@/lib/audience/flush-secret';
import { viewBatchSchema } from '@/lib/audience/schema';
import { recordViews } from '@/lib/audience/views';

export const dynamic = 'force-dynamic';

const noStore = { 'Cache-Control': 'no-store' };

export async function POST(request: Request): Promise<Response> {
  if (!isFlushRequest(request.headers)) return Response.json({ error: 'Not found' }, { status: 404, headers: noStore });
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return Response.json({ error: 'The body is not JSON' }, { status: 400, headers: noStore });
  }
  const parsed = viewBatchSchema.safeParse(body);
  if (!parsed.success) return Response.json({ error: 'Not a batch of views' }, { status: 400, headers: noStore });
  try {
    return Response.json(await recordViews(parsed.data), { headers: noStore });
  } catch (error) {
    // The database is away or busy: the counter keeps the views and sends them with the next flush.
    console.error('Views could not be written:', error);
    return Response.json({ error: 'Views not written; send them again' }, { status: 503, headers: noStore });
  }
}
