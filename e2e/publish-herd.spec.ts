// Issue 14, the thundering herd: a publish expires the home page while readers keep coming. However
// many readers ask for home while it renders again, this instance renders it once (Next joins
// concurrent misses of one page; lib/cache/page-cache-handler.mjs counts every page it stores), and
// every reader gets the new page or the one before, never an error (docs/decisions/0025).
import crypto from 'node:crypto';
import { paragraphsBody } from '@/lib/articles/body/columns';
import { createArticle } from '@/lib/articles/commands/save';
import { expect, test } from '@playwright/test';
import { baseURL } from './support/environment';
import { newsroomAccount, signIn, someSection } from './admin-support';

const READERS = 24;

type CacheCounters = { homeRenders: number; pageRenders: number };

async function cacheCounters(): Promise<CacheCounters> {
  const response = await fetch(`${baseURL}/api/internal/cache`, { headers: { 'x-lede-internal': process.env.INTERNAL_SECRET ?? '' } });
  expect(response.status).toBe(200);
  return (await response.json()) as CacheCounters;
}

test(`${READERS} readers on home while an editor publishes: home is rendered once, every answer is 200`, async ({ page }) => {
  test.setTimeout(120_000);
  const editor = await newsroomAccount('editor');
  const section = await someSection();
  const word = `Herd${crypto.randomBytes(4).toString('hex')}`;
  const article = await createArticle({ id: editor.id, role: 'editor' }, { headline: `${word} ferry timetable`, standfirst: 'A harbour story.', body: paragraphsBody('The ferry runs.'), sectionId: section.id });
  await signIn(page, editor);

  // Home cached and hit: the readers' answers before the publish render nothing.
  for (let attempt = 0; attempt < 3; attempt++) await (await fetch(`${baseURL}/`)).arrayBuffer();
  let running = true;
  const answers: { status: number; shows: boolean; at: number }[] = [];
  const readers = Array.from({ length: READERS }, async () => {
    while (running) {
      const response = await fetch(`${baseURL}/`);
      const html = await response.text();
      answers.push({ status: response.status, shows: html.includes(word), at: Date.now() });
    }
  });
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  const before = await cacheCounters();

  const published = await page.request.post(`/api/admin/articles/${article.id}/publish`, { headers: { Origin: new URL(baseURL).origin }, data: {} });
  expect(published.status()).toBe(200);
  const acknowledged = Date.now();
  await new Promise((resolve) => setTimeout(resolve, 3_000));
  const after = await cacheCounters();
  running = false;
  await Promise.all(readers);

  const duringHerd = answers.filter((answer) => answer.at >= acknowledged);
  expect(duringHerd.length).toBeGreaterThan(READERS);
  expect(answers.filter((answer) => answer.status !== 200)).toEqual([]);
  expect(answers.at(-1)?.shows).toBe(true);
  expect(after.homeRenders - before.homeRenders).toBe(1);
  expect(after.pageRenders - before.pageRenders).toBe(1);
});
