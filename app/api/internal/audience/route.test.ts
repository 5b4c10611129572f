// The beacon's flush route: only this process's secret gets in; anything but a batch of views is a
// 400 and writes nothing; a batch is written and its unknown ids are named.
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { FLUSH_SECRET_ENV, FLUSH_SECRET_HEADER } from '@/lib/audience/beacon.mjs';
import { hourOf } from '@/lib/audience/counter.mjs';
import { makeArticle, makeSection } from '@/testing/rows';

const secret = 'a'.repeat(64);
process.env[FLUSH_SECRET_ENV] = secret;
const { POST } = await import('@/app/api/internal/audience/route');

const post = async (body: string, headers: Record<string, string> = { [FLUSH_SECRET_HEADER]: secret }) => {
  const response = await POST(new Request('http://localhost/api/internal/audience', { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } }));
  return { status: response.status, body: (await response.json()) as unknown, cache: response.headers.get('cache-control') };
};
const hour = hourOf(Date.now());
let article = 0;

beforeAll(async () => {
  article = (await makeArticle({ sectionId: (await makeSection('flush')).id })).id;
});

describe('POST /api/internal/audience', () => {
  it('is a 404 without this process’s secret, or with another', async () => {
    const body = JSON.stringify({ views: [[article, hour, 5]] });
    for (const headers of [{}, { [FLUSH_SECRET_HEADER]: 'b'.repeat(64) }, { [FLUSH_SECRET_HEADER]: secret.slice(1) }, { 'x-lede-internal': secret }] as Record<string, string>[]) {
      expect((await post(body, headers)).status).toBe(404);
    }
    expect(await db.articleViewHour.count()).toBe(0);
  });

  it('answers 400 to anything but a batch of views, and writes nothing', async () => {
    for (const body of ['', 'not json', '[]', '{}', JSON.stringify({ views: [[article, hour, -1]] }), JSON.stringify({ views: [[article, hour, 1]], ip: '203.0.113.1' }), '{"views":[["1",1,1]]}']) {
      expect((await post(body)).status, body).toBe(400);
    }
    expect(await db.articleViewHour.count()).toBe(0);
  });

  it('writes a batch and names the ids no article has', async () => {
    expect(await post(JSON.stringify({ views: [[article, hour, 5], [2_000_000_000, hour, 3]] }))).toEqual({ status: 200, body: { stored: 5, unknown: [2_000_000_000] }, cache: 'no-store' });
    expect(await db.articleViewHour.findMany({ select: { articleId: true, hour: true, views: true } })).toEqual([{ articleId: article, hour, views: 5 }]);
  });
});
