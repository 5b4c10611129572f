// The proxy's answers while the database is down (lib/outage/answer.ts), for the requests that never
// reach the cache: the e2e journey (e2e/database-outage.spec.ts) covers cached pages and the newsroom.
import { NextRequest } from 'next/server';
import { describe, expect, it, vi } from 'vitest';
import { answerWithoutDatabase, passesThrough } from '@/lib/outage/answer';
import { RETRY_AFTER_SECONDS } from '@/lib/outage/page';
import { internalSecret } from '@/lib/instance/internal-secret';

// The loopback asks this port: nothing listens on 9 (discard), so no page comes from a cache. Set
// before lib/config.ts reads the environment (vi.hoisted runs ahead of the imports).
vi.hoisted(() => {
  process.env.PORT = '9';
});

const request = (path: string, init: { method?: string; headers?: Record<string, string> } = {}) => new NextRequest(`http://127.0.0.1:9/${path.replace(/^\//, '')}`, init);

describe('answerWithoutDatabase', () => {
  it('answers a JSON API write with a 503 in JSON and Retry-After', async () => {
    const response = await answerWithoutDatabase(request('/api/admin/articles/1/publish', { method: 'POST' }));
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe(String(RETRY_AFTER_SECONDS));
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({ error: 'The database is not answering; nothing was changed. Try again in a minute.' });
  });

  it('answers a page nobody can serve (here: no server on the loopback port) with the readable 503 page', async () => {
    const response = await answerWithoutDatabase(request('/admin/articles'));
    expect(response.status).toBe(503);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await response.text();
    expect(html).toContain('<h1>Lede is temporarily unavailable</h1>');
    expect(html).toContain('The database is not answering. The newsroom cannot open this page');
  });

  it('lets a server action through: the action answers for itself', async () => {
    const response = await answerWithoutDatabase(request('/admin/articles/1', { method: 'POST', headers: { 'next-action': 'abc' } }));
    expect(response.headers.get('x-middleware-next')).toBe('1');
  });
});

describe('passesThrough', () => {
  it('lets /status and the proxy’s own loopback through, nothing else', () => {
    expect(passesThrough(request('/status'))).toBe(true);
    expect(passesThrough(request('/politics', { headers: { 'x-lede-internal': internalSecret() } }))).toBe(true);
    expect(passesThrough(request('/politics', { headers: { 'x-lede-internal': 'guess' } }))).toBe(false);
    expect(passesThrough(request('/politics'))).toBe(false);
  });
});
