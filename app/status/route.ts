// For load balancers and monitors: 200 with JSON while this instance's database answers, 503 when it
// does not (Redis down is reported, but keeps 200: pages then render from the database). Never cached,
// and cheap: the database probe is shared and reused for a second (lib/db/availability.ts). The proxy
// lets /status through untouched, also during an outage (lib/outage/answer.ts).
import { healthStatusCode, siteHealth } from '@/lib/status/health';

export const dynamic = 'force-dynamic';

export async function GET(): Promise<Response> {
  const health = await siteHealth();
  return Response.json(health, { status: healthStatusCode(health), headers: { 'Cache-Control': 'no-store, max-age=0' } });
}
