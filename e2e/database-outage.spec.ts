// The database goes away under a running server, and comes back. A server of its own (a second port,
// like e2e/scale-out.spec.ts) so nothing else is disturbed: on SQLite it serves a private copy of the
// e2e database, whose file is then moved aside and a directory put in its place (the app runs as
// root here, so chmod would not stop it); on PostgreSQL it reaches the e2e database through a small
// TCP proxy of this spec, which is closed (connections cut, new ones refused, as a stopped server
// does) and opened again. While the database is gone: a page read before is served from the cache, a
// page never read answers a readable 503 with Retry-After, /status answers 503 for load balancers,
// and an editor's save says the database is not answering and keeps the text. When it is back, with
// no restart: everything answers 200 again and the same save goes through to the public page.
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import Database from 'better-sqlite3';
import { expect, test, type Page } from '@playwright/test';
import { startNextServer, waitUntilServing } from '../scripts/support/next-build';
import { databaseKind, databaseUrl, distDir, e2eDir, mediaRoot } from './support/environment';
import { freePort } from './support/ports';
import { newsroomAccount, uniqueWord, type Account } from './admin-support';
import { db } from '@/lib/db/client';
import { sqlitePath } from '@/lib/db/url';

test.describe.configure({ mode: 'serial' });

const run = crypto.randomBytes(4).toString('hex');
const secret = crypto.randomBytes(24).toString('base64url');
const DATABASE_MESSAGE = 'The database is not answering; your edit was not saved — try again.';

type Outage = { url: string; cut(): Promise<void>; restore(): Promise<void>; close(): Promise<void> };

/** SQLite: a consistent copy of the e2e database; the outage moves the file aside. */
async function sqliteOutage(): Promise<Outage> {
  const dir = path.join(e2eDir, `outage-${run}`);
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'lede.db');
  const source = new Database(sqlitePath(databaseUrl), { readonly: true });
  await source.backup(file);
  source.close();
  const away = `${file}.away`;
  return {
    url: `file:${file}`,
    async cut() {
      fs.renameSync(file, away);
      fs.mkdirSync(file);
    },
    async restore() {
      fs.rmdirSync(file);
      fs.renameSync(away, file);
    },
    async close() {
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** PostgreSQL: the e2e database through a TCP proxy that this spec opens and closes. */
async function postgresOutage(): Promise<Outage> {
  const target = new URL(databaseUrl);
  const targetPort = Number(target.port || 5432);
  const port = await freePort();
  const sockets = new Set<net.Socket>();
  let server: net.Server | null = null;
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const proxy = net.createServer((client) => {
        const upstream = net.connect({ host: target.hostname, port: targetPort });
        for (const socket of [client, upstream]) {
          sockets.add(socket);
          socket.on('close', () => sockets.delete(socket));
          socket.on('error', () => (client.destroy(), upstream.destroy()));
        }
        client.pipe(upstream);
        upstream.pipe(client);
      });
      proxy.once('error', reject);
      proxy.listen(port, '127.0.0.1', () => ((server = proxy), resolve()));
    });
  const stop = () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      if (!server) return resolve();
      server.close(() => resolve());
      server = null;
    });
  await listen();
  const url = new URL(databaseUrl);
  url.port = String(port);
  return { url: url.toString(), cut: stop, restore: listen, close: stop };
}

let outage: Outage;
let server: ChildProcess | null = null;
let base = '';
let editor: Account;
type Story = { id: number; path: string; headline: string };
let cached: Story;
let uncached: Story;

async function publishedStories(count: number): Promise<Story[]> {
  const rows = await db.article.findMany({
    where: { status: 'published' },
    orderBy: { id: 'desc' },
    take: count,
    select: { id: true, slug: true, headline: true, section: { select: { slug: true } } },
  });
  return rows.map((row) => ({ id: row.id, path: `/${row.section.slug}/${row.slug}`, headline: row.headline }));
}

test.beforeAll(async () => {
  test.setTimeout(120_000);
  editor = await newsroomAccount('editor');
  // This server starts with an empty page cache: the spec decides what is in it.
  [cached, uncached] = (await publishedStories(2)) as [Story, Story];
  outage = databaseKind === 'postgres' ? await postgresOutage() : await sqliteOutage();
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  server = startNextServer(distDir, port, {
    ...process.env,
    DATABASE_URL: outage.url,
    MEDIA_ROOT: mediaRoot,
    SITE_URL: base,
    INTERNAL_SECRET: secret,
    DATABASE_POOL_SIZE: '4',
  }, 'pipe');
  server.stderr?.on('data', (chunk) => process.stderr.write(`[outage ${port}] ${chunk}`));
  await waitUntilServing(`${base}/status`, server);
});

test.afterAll(async () => {
  const child = server;
  server = null;
  if (child && child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }
  await outage?.close();
});

const get = (pathname: string) => fetch(`${base}${pathname}`, { redirect: 'manual', signal: AbortSignal.timeout(20_000) });

async function signIn(page: Page): Promise<void> {
  await page.goto(`${base}/admin/login`);
  await page.getByLabel('E-mail').fill(editor.email);
  await page.getByLabel('Password').fill(editor.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/admin\/articles$/);
}

test('with the database gone, cached pages are served, the rest answers 503, a save keeps its text; all recovers without a restart', async ({ page }) => {
  test.setTimeout(180_000);
  // Before: the article page is read (so it is in the page cache) and /status is healthy.
  for (let i = 0; i < 2; i += 1) expect((await get(cached.path)).status).toBe(200);
  const healthy = await get('/status');
  expect(healthy.status).toBe(200);
  expect(await healthy.json()).toMatchObject({ database: 'up' });

  await signIn(page);
  await page.goto(`${base}/admin/articles/${cached.id}`);
  const headline = `${uniqueWord('Outage')} headline typed while the database was gone`;
  await page.getByRole('textbox', { name: 'Headline (required)' }).fill(headline);

  await outage.cut();

  // /status tells load balancers, and is never cached.
  await expect
    .poll(async () => {
      const response = await get('/status');
      return { status: response.status, body: await response.json().catch(() => null), cache: response.headers.get('cache-control') };
    }, { timeout: 15_000 })
    .toEqual({ status: 503, body: expect.objectContaining({ database: 'down' }), cache: expect.stringContaining('no-store') });

  // The page read before: still served, whole.
  const served = await get(cached.path);
  expect(served.status).toBe(200);
  expect(await served.text()).toContain(cached.headline.replace(/&/g, '&amp;').replace(/</g, '&lt;'));

  // A page never read: a clean 503 that says what is wrong and when to come back.
  const refused = await get(uncached.path);
  expect(refused.status).toBe(503);
  expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
  expect(refused.headers.get('content-type')).toContain('text/html');
  expect(await refused.text()).toContain('The database is not answering');

  // The editor's save: refused with the reason, and every word typed is still in the form.
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByTestId('article-form').getByRole('alert')).toHaveText(DATABASE_MESSAGE);
  await expect(page.getByRole('textbox', { name: 'Headline (required)' })).toHaveValue(headline);

  await outage.restore();

  // Back without a restart: /status, the page never read, and the same save.
  await expect.poll(async () => (await get('/status')).status, { timeout: 15_000 }).toBe(200);
  await expect.poll(async () => (await get(uncached.path)).status, { timeout: 15_000 }).toBe(200);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('status')).toHaveText('Saved.');
  await expect
    .poll(async () => (await (await get(cached.path)).text()).includes(headline), { timeout: 15_000 })
    .toBe(true);
  expect(server?.exitCode).toBeNull();
});
