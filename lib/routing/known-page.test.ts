// The server's way past the proxy (lib/routing/known-page.ts) against a real database: a request
// passes only when the proxy would have answered "page" and added nothing but the headers given here;
// a change, due work or an outage sends it back through the proxy at once.
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { config as proxyConfig } from '@/proxy';
import { carryOutPageRefreshes } from '@/lib/cache/outbox';
import { cacheTags } from '@/lib/cache/tags';
import { failedForWantOfDatabase, probeDatabase } from '@/lib/db/availability';
import { forgetAllAnswers, forgetAnswers, resolverStats } from '@/lib/routing/known-answers';
import { pastTheProxy, RESOLVED_HEADER } from '@/lib/routing/known-page';
import { resolvePublicPath } from '@/lib/routing/resolve-path';

type DueState = { nextDueAt: number | null; checkedAt: number; inFlight: Promise<void> | null };
const dueState = () => (globalThis as unknown as { ledeDueState: DueState }).ledeDueState;
let articleId = 0;

beforeAll(async () => {
  const section = await db.section.create({ data: { slug: 'world', name: 'World' } });
  articleId = (await db.article.create({ data: { slug: 'truce', headline: 'Truce', status: 'published', sectionId: section.id, publishedAt: new Date('2026-01-01T00:00:00Z') } })).id;
  await carryOutPageRefreshes();
  // The due trigger's module keeps its state on globalThis; loaded by the import above.
  await import('@/lib/articles/scheduling/due-trigger');
});

beforeEach(async () => {
  forgetAllAnswers();
  // Nothing due, and the next due time checked just now: the state between two checks.
  Object.assign(dueState(), { nextDueAt: null, checkedAt: Date.now() });
  expect(await resolvePublicPath('GET', '/world/truce')).toEqual({ kind: 'page' });
});

afterEach(async () => {
  await probeDatabase();
});

const past = (path: string, method = 'GET') => pastTheProxy(method, path, Date.now(), 'http://localhost:3000');

describe('a page whose answer is known', () => {
  it('passes with the mark and a policy carrying a fresh nonce, and HSTS only on https', () => {
    const first = past('/world/truce?from=home');
    expect(first).not.toBeNull();
    expect(first!.requestHeaders[RESOLVED_HEADER]).toBe('1');
    expect(Object.keys(first!.requestHeaders).sort()).toEqual(['content-security-policy', RESOLVED_HEADER]);
    const nonce = (headers: Record<string, string>) => /'nonce-([A-Za-z0-9+/=]{24})'/.exec(headers['content-security-policy']!)?.[1];
    expect(nonce(first!.requestHeaders)).toMatch(/^[A-Za-z0-9+/=]{24}$/);
    expect(nonce(past('/world/truce')!.requestHeaders)).not.toBe(nonce(first!.requestHeaders));
    expect(first!.requestHeaders['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(first!.responseHeaders).toEqual({});
    expect(pastTheProxy('GET', '/world/truce', Date.now(), 'https://news.example')!.responseHeaders).toEqual({ 'strict-transport-security': 'max-age=63072000' });
    expect(past('/world/truce', 'HEAD')).not.toBeNull();
  });

  it('passes paths that name no record (home, status) without any look-up', () => {
    forgetAllAnswers();
    expect(past('/')).not.toBeNull();
    expect(past('/status/static')).not.toBeNull();
  });

  it('counts the requests it passes, and only those', () => {
    const before = resolverStats();
    past('/world/truce');
    past('/world/no-such-story');
    past('/world/truce', 'POST');
    const after = resolverStats();
    expect(after.passedBy - before.passedBy).toBe(1);
    expect(after.resolved - before.resolved).toBe(0);
  });

  it('goes back through the proxy once a refresh forgets the answer', async () => {
    forgetAnswers([cacheTags.article(articleId)]);
    expect(past('/world/truce')).toBeNull();
    await resolvePublicPath('GET', '/world/truce');
    expect(past('/world/truce')).not.toBeNull();
  });
});

describe('what stays with the proxy', () => {
  it.each([
    ['a path never resolved', '/world/no-such-story'],
    ['a respelling (301)', '/World/Truce'],
    ['a trailing slash (301)', '/world/truce/'],
    ['a malformed escape (400)', '/world/%E0%A4%A'],
    ['dot segments', '/world/../admin'],
    ['a doubled slash', '//world/truce'],
    ['a backslash', '/world\\truce'],
    ['an absolute-form request line', 'http://localhost/world/truce'],
    ['the newsroom', '/admin'],
    ['search', '/search?q=truce'],
    ['the API', '/api/admin/articles/find'],
    ['a malformed page cursor', '/world/older/nonsense'],
  ])('%s: %s', (_name, path) => {
    expect(past(path)).toBeNull();
  });

  it('a form post', () => {
    expect(past('/world/truce', 'POST')).toBeNull();
  });

  it('every request while scheduled work is due, or its time not checked for 5 s', () => {
    Object.assign(dueState(), { nextDueAt: Date.now() - 1 });
    expect(past('/world/truce')).toBeNull();
    expect(past('/')).toBeNull();
    Object.assign(dueState(), { nextDueAt: Date.now() + 60_000, checkedAt: Date.now() - 5_001 });
    expect(past('/world/truce')).toBeNull();
    Object.assign(dueState(), { checkedAt: Date.now() });
    expect(past('/world/truce')).not.toBeNull();
  });

  it('every request while the database is known to be gone', async () => {
    expect(await failedForWantOfDatabase({ code: 'P1001' })).toBe(true);
    expect(past('/world/truce')).toBeNull();
    expect(past('/')).toBeNull();
  });
});

describe('the proxy matcher', () => {
  it('skips the header this module marks requests with (Next reads the matcher as written)', () => {
    const [pages] = proxyConfig.matcher;
    expect(pages).toEqual({ source: expect.any(String), missing: [{ type: 'header', key: RESOLVED_HEADER }] });
  });
});
