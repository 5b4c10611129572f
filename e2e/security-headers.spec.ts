// Response headers (issue 10, defects 3 and 7; docs/security.md "Response headers"). What a CDN may
// keep and for how long, the Content-Security-Policy with its per-render nonce, framing, browser
// features, and the proof that counts: a <script> stored in an article body behind the sanitiser's
// back (as the JSON import did) does not run in Chromium, while every page still runs Next's own
// scripts without a single CSP violation.
import { bodyColumns, paragraphsBody } from '@/lib/articles/body/columns';
import { expect, test, type Page } from '@playwright/test';
import { newsroomAccount, signIn, type Account } from './admin-support';
import { legacyArticle } from './support/fixtures';
import { busiestSection, tagWithArticles } from './support/site-data';
import { db } from '@/lib/db/client';

// The defaults of PUBLIC_CACHE_SECONDS and PUBLIC_STALE_SECONDS (the e2e server sets neither).
const publicCacheControl = 'public, max-age=0, s-maxage=30, stale-while-revalidate=30';
const permissionsPolicy =
  'accelerometer=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), usb=()';
const NONCE = "'nonce-([A-Za-z0-9+/]{22}==)'";
const publicPolicy = new RegExp(
  `^default-src 'self'; script-src 'self' ${NONCE} 'strict-dynamic'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; ` +
    "media-src 'self'; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'; " +
    // Exactly the embed origins (lib/articles/body/embeds.ts embedFrameOrigins).
    'frame-src https://www.youtube-nocookie.com https://player.vimeo.com https://platform.twitter.com https://www.instagram.com https://www.tiktok.com ' +
    'https://w.soundcloud.com https://open.spotify.com https://datawrapper.dwcdn.net https://flo.uri.sh$',
);
const newsroomPolicy = new RegExp(
  `^default-src 'self'; script-src 'self' ${NONCE} 'strict-dynamic'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; ` +
    "media-src 'self' blob:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; " +
    "frame-ancestors 'none'; frame-src 'none'; worker-src 'none'; manifest-src 'none'$",
);

type Answer = { status: number; headers: Headers; html: string };
async function get(path: string): Promise<Answer> {
  const response = await fetch(new URL(path, test.info().project.use.baseURL).toString(), { redirect: 'manual' });
  return { status: response.status, headers: response.headers, html: await response.text() };
}

/** The nonce Next stamped on its own scripts: every `<script nonce>` of the page must carry the same one. */
function scriptNonces(html: string): string[] {
  return [...new Set([...html.matchAll(/<script\b[^>]*\snonce="([^"]*)"/g)].map((match) => match[1]!))];
}

/** Collects CSP violations (the DOM event) and CSP console messages from the first byte of every document. */
async function watchPolicy(page: Page): Promise<{ console: string[]; violations: () => Promise<string[]> }> {
  const consoleLines: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Content-Security-Policy/i.test(message.text())) consoleLines.push(message.text());
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} ${event.blockedURI} ${event.sample}`));
  });
  return {
    console: consoleLines,
    violations: () => page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []),
  };
}

async function publicPaths(): Promise<Record<string, string>> {
  const section = await busiestSection();
  const tag = await tagWithArticles();
  return { home: '/', section: `/${section.slug}`, article: legacyArticle.path, tag: `/tag/${tag.slug}` };
}

test.describe('caching behind a CDN', () => {
  test('public pages, feeds and sitemaps allow a CDN a short shared lifetime only, on a miss and on a hit', async () => {
    const pages = await publicPaths();
    const targets = { ...pages, feed: '/feeds/rss.xml', atom: '/feeds/atom.xml', sitemap: '/sitemap.xml' };
    for (const [kind, path] of Object.entries(targets)) {
      for (const round of ['first', 'second']) {
        const answer = await get(path);
        expect(answer.status, `${kind} ${path}`).toBe(200);
        expect.soft(answer.headers.get('cache-control'), `${kind} ${path}, ${round} request`).toBe(publicCacheControl);
      }
    }
    // Next's own cache still serves the pages (its on-demand expiry is untouched).
    for (const path of Object.values(pages)) expect.soft((await get(path)).headers.get('x-nextjs-cache'), path).toBe('HIT');
  });

  test('the newsroom and search stay private', async () => {
    for (const path of ['/admin/login', '/admin', '/admin/articles']) {
      expect.soft((await get(path)).headers.get('cache-control'), path).toBe('private, no-store');
    }
    expect.soft((await get('/search?q=lavrov')).headers.get('cache-control')).toBe('private, no-cache, no-store, max-age=0, must-revalidate');
  });

  test('a 404 is never kept by a CDN (a page may be published the next second)', async () => {
    for (const path of ['/no-such-section-here', `${legacyArticle.path}-not-this-one`]) {
      for (const round of ['first', 'second']) {
        const answer = await get(path);
        expect(answer.status, path).toBe(404);
        // One value only: Next's own, not contradicted by a public one.
        expect.soft(answer.headers.get('cache-control'), `${path}, ${round} request`).toBe('private, no-cache, no-store, max-age=0, must-revalidate');
      }
    }
  });
});

test.describe('security headers', () => {
  test('public pages carry a nonce policy that matches the scripts of the cached render', async () => {
    const pages = await publicPaths();
    const nonces = new Map<string, string>();
    for (const [kind, path] of Object.entries({ ...pages, search: '/search?q=lavrov', missing: '/no-such-section-here' })) {
      for (const round of ['first', 'second']) {
        const answer = await get(path);
        const label = `${kind} ${path}, ${round} request`;
        const policy = answer.headers.get('content-security-policy') ?? '';
        expect(policy, label).toMatch(publicPolicy);
        const nonce = policy.match(publicPolicy)![1]!;
        // Next's scripts carry exactly the nonce the header allows: on a hit too, since the policy is
        // stored with the render it belongs to.
        expect(scriptNonces(answer.html), label).toEqual([nonce]);
        expect(answer.headers.get('permissions-policy'), label).toBe(permissionsPolicy);
        expect(answer.headers.get('x-frame-options'), label).toBe('DENY');
        expect(answer.headers.get('x-content-type-options'), label).toBe('nosniff');
        expect(answer.headers.get('referrer-policy'), label).toBe('strict-origin-when-cross-origin');
        // SITE_URL is http here: no HSTS (lib/security/headers.test.ts checks the https case).
        expect(answer.headers.get('strict-transport-security'), label).toBeNull();
        if (round === 'second') nonces.set(kind, nonce);
      }
    }
    // Each render has its own nonce: one page's cannot be reused on another.
    expect(new Set(nonces.values()).size).toBe(nonces.size);
  });

  test('the newsroom gets a stricter policy with a fresh nonce per response', async () => {
    const first = await get('/admin/login');
    const second = await get('/admin/login');
    for (const answer of [first, second]) {
      const policy = answer.headers.get('content-security-policy') ?? '';
      expect(policy).toMatch(newsroomPolicy);
      expect(scriptNonces(answer.html)).toEqual([policy.match(newsroomPolicy)![1]]);
      expect(answer.headers.get('permissions-policy')).toBe(permissionsPolicy);
      expect(answer.headers.get('x-frame-options')).toBe('DENY');
    }
    expect(first.headers.get('content-security-policy')).not.toBe(second.headers.get('content-security-policy'));
  });

  test('feeds and sitemaps carry the basic headers', async () => {
    for (const path of ['/feeds/rss.xml', '/sitemap.xml']) {
      const answer = await get(path);
      expect.soft(answer.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect.soft(answer.headers.get('permissions-policy'), path).toBe(permissionsPolicy);
    }
  });
});

test.describe('the policy in the browser', () => {
  let editor: Account;
  test.beforeAll(async () => {
    editor = await newsroomAccount('editor');
  });

  test('markup in an article body is text: a <script> in it is shown, never run', async ({ page }) => {
    // Bodies are blocks (no HTML is stored): whatever markup a body's text holds is text. (The CSP
    // as a second line against an injected inline script is covered by the policy checks above.)
    const section = await db.section.findFirstOrThrow({ orderBy: { position: 'asc' }, select: { id: true, slug: true } });
    const slug = `csp-injected-${Date.now().toString(36)}`;
    const markup = '<script>window.__ledeInjected = "ran"</script><img src="x" onerror="window.__ledeOnerror = \'ran\'">';
    await db.article.create({
      data: {
        slug,
        headline: 'An article whose body text carries a script',
        ...bodyColumns(paragraphsBody('Before the script.', markup, 'After the script.')),
        status: 'published',
        sectionId: section.id,
        publishedAt: new Date(Date.now() - 60_000),
      },
    });
    await page.goto(`/${section.slug}/${slug}`);
    await expect(page.getByText('After the script.')).toBeVisible();
    await expect(page.getByText(markup)).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { __ledeInjected?: string }).__ledeInjected)).toBeUndefined();
    expect(await page.evaluate(() => (window as unknown as { __ledeOnerror?: string }).__ledeOnerror)).toBeUndefined();
    // Next's own scripts still ran: the router hydrated the page.
    expect(await page.evaluate(() => typeof (window as unknown as { next?: unknown }).next)).toBe('object');
  });

  test('home, an article with video, search and the editor run with no CSP violation', async ({ page }) => {
    const watch = await watchPolicy(page);
    const pages = await publicPaths();
    for (const path of [pages.home!, legacyArticle.path, pages.section!, '/search?q=lavrov', '/no-such-section-here']) {
      await page.goto(path);
      await expect.poll(() => page.evaluate(() => typeof (window as unknown as { next?: unknown }).next), { message: `${path} hydrates` }).toBe('object');
      expect(await watch.violations(), path).toEqual([]);
    }
    // A client-side navigation (fetches the next page's payload and script chunks) under the policy.
    await page.goto(legacyArticle.path);
    await page.getByTestId('related-link').first().getByRole('link').first().click();
    await expect(page).not.toHaveURL(new RegExp(`${legacyArticle.path}$`));
    expect(await watch.violations()).toEqual([]);

    await signIn(page, editor);
    await page.goto('/admin/articles/new');
    const body = page.locator('.ProseMirror').first();
    await body.click();
    await page.keyboard.type('Typed under the newsroom policy.');
    await expect(body).toContainText('Typed under the newsroom policy.');
    expect(await watch.violations()).toEqual([]);
    expect(watch.console).toEqual([]);
  });
});
