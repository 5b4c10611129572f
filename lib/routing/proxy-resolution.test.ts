// The request proxy as a whole (proxy.ts), with the app's real internal due route served on a port of
// its own: one request for an article passes the resolver once (and the database not at all once its
// answer is remembered), and a scheduled article becomes a page at its time through the due trigger.
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { NextRequest } from 'next/server';

const { port } = vi.hoisted(() => {
  // The due trigger calls the app on its own port with the internal secret: this file's server.
  const port = 4107;
  process.env.PORT = String(port);
  process.env.INTERNAL_SECRET = 'proxy-resolution-test-secret-0123456789';
  return { port };
});

import { proxy } from '@/proxy';
import { POST as dueRoute } from '@/app/api/internal/due/route';
import { db } from '@/lib/db/client';
import { forgetAllAnswers, resolverStats } from '@/lib/routing/known-answers';
import { carryOutPageRefreshes } from '@/lib/cache/outbox';
import { NOT_FOUND_PATH } from '@/lib/routing/respond';

let server: http.Server;
let dueCalls = 0;

beforeAll(async () => {
  server = http.createServer((incoming, outgoing) => {
    dueCalls += 1;
    const request = new Request(`http://127.0.0.1:${port}${incoming.url}`, { method: incoming.method, headers: incoming.headers as Record<string, string> });
    void dueRoute(request).then(async (response) => {
      outgoing.writeHead(response.status, { 'content-type': 'application/json' });
      outgoing.end(await response.text());
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const section = await db.section.create({ data: { slug: 'world', name: 'World' } });
  await db.article.create({ data: { slug: 'truce', headline: 'Truce', status: 'published', sectionId: section.id, publishedAt: new Date('2026-01-01T00:00:00Z') } });
  await carryOutPageRefreshes();
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const get = (path: string) => proxy(new NextRequest(new URL(path, `http://localhost:${port}`)));
const rewrittenTo = (response: Response) => response.headers.get('x-middleware-rewrite');

describe('one request, one resolution', () => {
  it('passes an article request through the resolver once; once remembered, no look-up at all', async () => {
    forgetAllAnswers();
    const first = resolverStats();
    const response = await get('/world/truce');
    expect(response.status).toBe(200);
    expect(rewrittenTo(response)).toBeNull();
    const second = resolverStats();
    expect(second.resolved - first.resolved).toBe(1);
    expect(second.lookedUp - first.lookedUp).toBe(1);
    await get('/world/truce');
    const third = resolverStats();
    expect(third.resolved - second.resolved).toBe(1);
    expect(third.lookedUp - second.lookedUp).toBe(0);
  });

  it('answers a move with one 301 and a single Location, and a missing article with the 404 page', async () => {
    const moved = await get('/World/Truce/?from=x');
    expect(moved.status).toBe(301);
    expect(moved.headers.get('location')).toBe(`http://localhost:${port}/world/truce?from=x`);
    const missing = await get('/world/no-such-story');
    expect(new URL(rewrittenTo(missing)!).pathname).toBe(NOT_FOUND_PATH);
  });
});

describe('the due trigger (lib/articles/scheduling/due-trigger.ts)', () => {
  it('makes a scheduled article a page at its time, on the first request after it', async () => {
    const section = await db.section.findUniqueOrThrow({ where: { slug: 'world' } });
    const at = new Date(Date.now() + 1_500);
    await db.article.create({ data: { slug: 'at-noon', headline: 'At noon', status: 'scheduled', sectionId: section.id, publishedAt: at } });
    // Scheduled on another instance (a row in the outbox): this one looks again at the next request.
    await db.pageRefresh.create({ data: { tags: JSON.stringify(['schedules']) } });
    await carryOutPageRefreshes();
    const callsBefore = dueCalls;
    expect(new URL(rewrittenTo(await get('/world/at-noon'))!).pathname).toBe(NOT_FOUND_PATH);
    expect(dueCalls - callsBefore, 'the trigger asked the due route and learnt the time').toBe(1);
    // Before the time, within the recheck interval: no call, still a 404.
    expect(new URL(rewrittenTo(await get('/world/at-noon'))!).pathname).toBe(NOT_FOUND_PATH);
    expect(dueCalls - callsBefore).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, at.getTime() - Date.now() + 50));
    const live = await get('/world/at-noon');
    expect(rewrittenTo(live), 'the first request after the time is served the page').toBeNull();
    expect(live.status).toBe(200);
    expect(dueCalls - callsBefore).toBe(2);
    expect(await db.article.findUniqueOrThrow({ where: { slug: 'at-noon' }, select: { status: true } })).toEqual({ status: 'published' });
  });

  it('is refused by the due route without the internal secret', async () => {
    const response = await dueRoute(new Request(`http://127.0.0.1:${port}/api/internal/due`, { method: 'POST', headers: { 'x-lede-internal': 'wrong' } }));
    expect(response.status).toBe(404);
  });
});
