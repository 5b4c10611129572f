// Audience (docs/decisions/0022-audience-counts.md): a reader's views of an article are counted by
// the beacon, first-party, without a cookie; bots and unknown ids are not; 1,000 beacons sent at once
// become exactly 1,000 views; the newsroom's dashboard and the article's edit page show those
// counts; "most read" on the home page and the article page lists the article once ranked, and drops
// it when it is unpublished. A server killed with SIGKILL loses at most its last second of counts,
// behind nginx too (and what nginx logged while it was down is counted once it is back).
// axe-core finds nothing on the dashboard, the edit page's chart or the panel.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { db } from '@/lib/db/client';
import { updateMostRead } from '@/lib/audience/most-read';
import { unpublishArticle } from '@/lib/articles/commands/status';
import { startNextServer, waitUntilServing, projectRoot } from '../scripts/support/next-build';
import { accessibilityViolations } from './support/fixtures';
import { newsroomAccount, signIn, someSection, uniqueWord, type Account } from './admin-support';
import { baseURL, distDir } from './support/environment';
import { freePort } from './support/ports';
import { findNginx, startNginx } from '../scripts/support/nginx';

const browserAgent = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36';
const botAgent = 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)';

let editor: Account;
let writer: Account;

test.use({ userAgent: browserAgent });

test.beforeAll(async () => {
  [editor, writer] = await Promise.all([newsroomAccount('editor'), newsroomAccount('writer')]);
});

const viewsOf = async (articleId: number): Promise<number> =>
  (await db.articleViewHour.aggregate({ where: { articleId }, _sum: { views: true } }))._sum.views ?? 0;

async function waitForViews(articleId: number, expected: number, ms = 15_000): Promise<void> {
  const deadline = Date.now() + ms;
  while ((await viewsOf(articleId)) < expected && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  // Two more flush intervals: nothing counted twice arrives later.
  await new Promise((resolve) => setTimeout(resolve, 2_500));
  expect(await viewsOf(articleId)).toBe(expected);
}

const beacon = (base: string, id: number | string, agent = browserAgent) =>
  fetch(`${base}/api/views?article=${id}`, { method: 'POST', headers: { 'user-agent': agent } });

async function makeArticle(word: string, name: string) {
  const section = await someSection();
  return db.article.create({
    data: { slug: `${word.toLowerCase()}-${name}`, headline: `${word} ${name}`, status: 'published', publishedAt: new Date(Date.now() - 3_600_000), sectionId: section.id },
    select: { id: true, slug: true, headline: true, section: { select: { slug: true } } },
  });
}

test('a reader’s views are counted first-party; bots and unknown ids are not; 1,000 beacons at once are 1,000 views', async ({ page }) => {
  // A long journey on a shared 2-core machine.
  test.setTimeout(300_000);
  const word = uniqueWord('Audience');
  const [read, busy] = [await makeArticle(word, 'read'), await makeArticle(word, 'busy')];
  const articlePath = `/${read.section.slug}/${read.slug}`;

  // Three visits in a real browser: three views, no cookie set on the way.
  for (let visit = 0; visit < 3; visit += 1) {
    const sent = page.waitForRequest((request) => request.url().endsWith(`/api/views?article=${read.id}`) && request.method() === 'POST');
    await page.goto(articlePath);
    await sent;
  }
  await waitForViews(read.id, 3);
  expect(await page.context().cookies()).toEqual([]);

  // The beacon's answer: 204, never cached, no cookie; only POST; a malformed id is a 400.
  const answer = await beacon(baseURL, read.id, botAgent);
  expect([answer.status, answer.headers.get('cache-control'), answer.headers.get('set-cookie')]).toEqual([204, 'no-store', null]);
  expect((await fetch(`${baseURL}/api/views?article=${read.id}`)).status).toBe(405);
  const malformed = await fetch(`${baseURL}/api/views?article=01`, { method: 'POST', headers: { 'user-agent': browserAgent } });
  expect([malformed.status, await malformed.text()]).toEqual([400, 'The view beacon needs an article id, a whole number from 1: POST /api/views?article=<id>.\n']);
  // A bot's beacon and a beacon without a user agent are answered but not counted.
  await fetch(`${baseURL}/api/views?article=${read.id}`, { method: 'POST', headers: { 'user-agent': '' } });
  await waitForViews(read.id, 3);

  // 1,000 at once, and 300 for ids no article has (none stored).
  const unknownIds = Array.from({ length: 300 }, (_, index) => 1_900_000_000 + index);
  const answers = await Promise.all([
    ...Array.from({ length: 1000 }, () => beacon(baseURL, busy.id)),
    ...unknownIds.map((id) => beacon(baseURL, id)),
  ]);
  expect(answers.every((response) => response.status === 204)).toBe(true);
  await waitForViews(busy.id, 1000);
  expect(await db.articleViewHour.count({ where: { articleId: { in: unknownIds } } })).toBe(0);

  // "Most read", once ranked (the timer's work, done here at once): the busy article leads it on the
  // home page and on an article page, through the outbox's refresh of the cached pages.
  await updateMostRead();
  const panel = page.getByTestId('most-read');
  await expect(async () => {
    await page.goto('/');
    await expect(panel.getByRole('link').first()).toHaveText(busy.headline, { timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
  expect(await accessibilityViolations(page)).toEqual([]);
  await page.goto(articlePath);
  await expect(panel.getByRole('link', { name: busy.headline })).toHaveAttribute('href', `/${busy.section.slug}/${busy.slug}`);
  expect(await accessibilityViolations(page)).toEqual([]);

  // The newsroom: today's top and the site's chart show the exact counts; the edit page its own curve.
  await signIn(page, editor);
  await page.goto('/admin/audience');
  const row = page.getByTestId('top-article').filter({ hasText: busy.headline });
  await expect(row.getByRole('cell').last()).toHaveText('1000');
  // Three visits, and the fourth above that looked for the panel on its page.
  await expect(page.getByTestId('top-article').filter({ hasText: read.headline }).getByRole('cell').last()).toHaveText('4');
  await expect(page.getByRole('img', { name: /Views per hour, whole site, last 7 days/ })).toBeVisible();
  expect(await accessibilityViolations(page)).toEqual([]);
  await page.goto(`/admin/articles/${busy.id}`);
  const chart = page.getByTestId('chart-article-views');
  await expect(chart.locator('figcaption')).toHaveText(/^1,000 views from /);
  await chart.getByText('Views per hour: Views per hour of this article').click();
  const counted = await chart.locator('tbody td').allTextContents();
  expect([counted.length, counted.map(Number).reduce((sum, views) => sum + views, 0)]).toEqual([168, 1000]);
  expect(await accessibilityViolations(page)).toEqual([]);

  // Unpublished: gone from the panel at once (its change expires the panel's pages).
  const { change } = await unpublishArticle({ id: editor.id, role: 'editor' }, busy.id);
  expect(change?.mostRead).toBe(true);
  await expect(async () => {
    const html = await (await fetch(`${baseURL}/`)).text();
    expect(html.includes(busy.headline)).toBe(false);
  }).toPass({ timeout: 60_000 });
});

test('a writer does not open the audience dashboard', async ({ page }) => {
  await signIn(page, writer);
  await page.goto('/admin/audience');
  await expect(page.getByText('Editors and admins read the audience dashboard.')).toBeVisible();
  await expect(page.getByTestId('top-article')).toHaveCount(0);
});

test('a server killed with SIGKILL has written every view flushed before it, and loses at most the views since the last flush', async () => {
  test.setTimeout(120_000);
  test.skip(!fs.existsSync(path.join(projectRoot, distDir, 'BUILD_ID')), `no build in ${distDir}`);
  const article = await makeArticle(uniqueWord('Killed'), 'story');
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = startNextServer(distDir, port, { ...process.env }, 'pipe');
  try {
    await waitUntilServing(`${base}/status`, server);
    // 400 views, flushed (every second; the route's first call also loads it): in the database before the kill.
    await Promise.all(Array.from({ length: 400 }, () => beacon(base, article.id)));
    const answered = Date.now();
    await expect.poll(() => viewsOf(article.id), { timeout: 15_000, intervals: [100] }).toBe(400);
    console.log(`400 views written ${Date.now() - answered} ms after the last was answered`);
    // 100 more, then SIGKILL straight away: those may be lost, nothing else.
    await Promise.all(Array.from({ length: 100 }, () => beacon(base, article.id)));
    server.kill('SIGKILL');
    await new Promise((resolve) => server.once('exit', resolve));
  } finally {
    if (server.exitCode === null && server.signalCode === null) server.kill('SIGKILL');
  }
  // The 100 take a while to send on a busy machine, so a flush may fall among them: any number of
  // them may have been written, none twice, and none of the 400 lost (a run saw 457).
  const after = await viewsOf(article.id);
  expect(after >= 400 && after <= 500, `views after the kill: ${after}`).toBe(true);
});

test('behind nginx, a server killed with SIGKILL loses at most its last second: what nginx logged meanwhile is counted once it is back', async () => {
  test.setTimeout(180_000);
  test.skip(!fs.existsSync(path.join(projectRoot, distDir, 'BUILD_ID')), `no build in ${distDir}`);
  test.skip(!findNginx(), 'nginx is not installed (apt-get install nginx-light)');
  const article = await makeArticle(uniqueWord('Relogged'), 'story');
  const port = await freePort();
  const viewLog = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'lede-views-')), 'lede-views.log');
  const env = { ...process.env, VIEW_LOG_FILE: viewLog };
  let server = startNextServer(distDir, port, env, 'pipe');
  const nginx = await startNginx({ projectRoot, upstream: `127.0.0.1:${port}`, viewLog, workerConnections: 1024 });
  const many = (count: number) => Promise.all(Array.from({ length: count }, () => beacon(nginx.url, article.id).then((response) => response.status)));
  try {
    await waitUntilServing(`http://127.0.0.1:${port}/status`, server);
    expect(new Set(await many(400))).toEqual(new Set([204]));
    await expect.poll(() => viewsOf(article.id), { timeout: 20_000, intervals: [100] }).toBe(400);
    // 100 more, SIGKILL at once: those may be lost (read, not yet written), nothing else.
    await many(100);
    server.kill('SIGKILL');
    await new Promise((resolve) => server.once('exit', resolve));
    // The app is down; nginx still answers, and logs.
    expect(new Set(await many(200))).toEqual(new Set([204]));
    server = startNextServer(distDir, port, env, 'pipe');
    await waitUntilServing(`http://127.0.0.1:${port}/status`, server);
    await expect.poll(() => viewsOf(article.id), { timeout: 20_000, intervals: [200] }).toBeGreaterThanOrEqual(600);
    // Two more reads and flushes: nothing counted twice arrives late.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const after = await viewsOf(article.id);
    expect(after >= 600 && after <= 700, `views after the kill and restart: ${after}`).toBe(true);
  } finally {
    if (server.exitCode === null && server.signalCode === null) server.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 500));
    if (server.exitCode === null && server.signalCode === null) server.kill('SIGKILL');
    await nginx.stop();
    fs.rmSync(path.dirname(viewLog), { recursive: true, force: true });
  }
});
