// One canonical URL per article; everything else that means it answers one permanent redirect to it,
// and what is gone or never was answers 404 (docs/seo.md: why 404 and not 410).
import type { APIRequestContext } from '@playwright/test';
import { db } from '@/lib/db/client';
import { createHiddenArticle } from './support/site-data';
import { expect, legacyArticle, test } from './support/fixtures';

async function hop(request: APIRequestContext, path: string): Promise<{ status: number; location: string | null }> {
  const response = await request.get(path, { maxRedirects: 0 });
  // Every redirect comes from the proxy with one Location header: a page's own redirect (Next's 308)
  // repeats it on a first render (vercel/next.js#82117), which crawlers report as an error.
  const locations = response.headersArray().filter((header) => header.name.toLowerCase() === 'location');
  expect(locations.length, `${path}: Location headers ${JSON.stringify(locations)}`).toBeLessThanOrEqual(1);
  return { status: response.status(), location: locations[0]?.value ?? null };
}

/** Follows redirects one by one and returns the chain. */
async function chain(request: APIRequestContext, path: string, baseURL: string): Promise<{ status: number; path: string }[]> {
  const hops: { status: number; path: string }[] = [];
  let current = path;
  for (let i = 0; i < 5; i += 1) {
    const { status, location } = await hop(request, current);
    hops.push({ status, path: current });
    if (!location) return hops;
    current = new URL(location, baseURL).pathname + new URL(location, baseURL).search;
  }
  return hops;
}

test.describe('redirects and status codes', () => {
  let legacyId = '';

  test.beforeAll(async () => {
    const [section, slug] = legacyArticle.path.split('/').slice(1);
    const article = await db.article.findFirstOrThrow({ where: { slug, section: { slug: section } }, select: { legacyId: true } });
    legacyId = article.legacyId!;
  });

  test('the canonical URL answers 200 directly', async ({ request }) => {
    expect(await hop(request, legacyArticle.path)).toEqual({ status: 200, location: null });
  });

  test('legacy ids answer 301 to the canonical URL, with or without a tail', async ({ request, baseURL }) => {
    for (const path of [`/news/${legacyId}`, `/news/${legacyId}/`, `/news/${legacyId}/russia-seeks-honest-cooperation`, `/NEWS/${legacyId}`]) {
      const { status, location } = await hop(request, path);
      expect(status, path).toBe(301);
      // Next sends same-origin Locations relative; a crawler resolves them against the request URL.
      expect(new URL(location!, baseURL).href, path).toBe(`${baseURL}${legacyArticle.path}`);
    }
  });

  test('an unknown legacy id is 404', async ({ request }) => {
    expect((await hop(request, '/news/999999999')).status).toBe(404);
    expect((await hop(request, '/news/999999999/some-title')).status).toBe(404);
  });

  test('case and trailing slashes are normalised in one 301', async ({ request, baseURL }) => {
    const upper = legacyArticle.path.toUpperCase();
    for (const path of [`${legacyArticle.path}/`, upper, `${upper}/`, `/${legacyArticle.path.split('/')[1]!.toUpperCase()}/`]) {
      const hops = await chain(request, path, baseURL!);
      expect(hops.length, `${path}: ${JSON.stringify(hops)}`).toBe(2);
      expect(hops[0]!.status, path).toBe(301);
      expect(hops[1]!.status, path).toBe(200);
    }
  });

  test('an old slug answers one 301 to the canonical URL, under any section path', async ({ request, baseURL }) => {
    const article = await db.article.findFirstOrThrow({ where: { status: 'published', contentType: 'text' }, orderBy: { id: 'desc' }, select: { id: true, slug: true, section: { select: { slug: true } } } });
    const oldSlug = `e2e-old-slug-${Date.now().toString(36)}`;
    await db.articleSlug.create({ data: { slug: oldSlug, articleId: article.id } });
    const canonical = `/${article.section.slug}/${article.slug}`;
    // Written here without a page refresh: the resolver never remembers a missing path, so the new
    // old slug answers at once.
    for (const path of [`/${article.section.slug}/${oldSlug}`, `/middle-east/${oldSlug}`, `/${article.section.slug.toUpperCase()}/${oldSlug}/`]) {
      const hops = await chain(request, path, baseURL!);
      expect(hops.map((step) => step.status), `${path}: ${JSON.stringify(hops)}`).toEqual([301, 200]);
      expect(hops[1]!.path).toBe(canonical);
    }
    // The current slug under the wrong section moves too, from the proxy like every other move.
    const wrongSection = article.section.slug === 'middle-east' ? 'world' : 'middle-east';
    const hops = await chain(request, `/${wrongSection}/${article.slug}`, baseURL!);
    expect(hops).toEqual([{ status: 301, path: `/${wrongSection}/${article.slug}` }, { status: 200, path: canonical }]);
  });

  test('unknown, unpublished, draft and scheduled articles are 404', async ({ request }) => {
    expect((await hop(request, '/middle-east/no-such-story-at-all')).status).toBe(404);
    for (const status of ['unpublished', 'draft', 'scheduled'] as const) {
      const path = await createHiddenArticle(status);
      expect((await hop(request, path)).status, `${status} ${path}`).toBe(404);
    }
  });
});
