// Who reads what in the newsroom (issue 10, defect 8): writer B signs in and tries every way to read
// writer A's draft and A's embargoed (scheduled) article: the edit page, the preview, the revisions,
// the JSON API, the article list and the related-links picker. Each answers as if the article did
// not exist (404, docs/decisions/0010); writer A and an editor still read both.
import { expect, test, type Page } from '@playwright/test';
import { newsroomAccount, signIn, someSection, uniqueWord, type Account } from './admin-support';
import { createArticle } from '@/lib/articles/commands/save';
import { scheduleArticle } from '@/lib/articles/commands/status';

let writerA: Account;
let writerB: Account;
let editor: Account;
let word: string;
let draftId: number;
let embargoedId: number;
let ownDraftOfB: number;

test.beforeAll(async () => {
  [writerA, writerB, editor] = await Promise.all([newsroomAccount('writer'), newsroomAccount('writer'), newsroomAccount('editor')]);
  const section = await someSection();
  word = uniqueWord('Embargo');
  draftId = (await createArticle(writerA, { headline: `${word} draft of writer A`, sectionId: section.id })).id;
  const embargoed = await createArticle(writerA, { headline: `${word} embargoed story of writer A`, sectionId: section.id });
  await scheduleArticle(editor, embargoed.id, new Date(Date.now() + 7 * 86_400_000));
  embargoedId = embargoed.id;
  ownDraftOfB = (await createArticle(writerB, { headline: `${uniqueWord('Own')} draft of writer B`, sectionId: section.id })).id;
});

const paths = (id: number) => [`/admin/articles/${id}`, `/admin/articles/${id}/preview`, `/admin/articles/${id}/revisions`];

/** What the viewer gets at each newsroom address of the article and from the JSON API. */
async function statuses(page: Page, id: number): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const path of [...paths(id), `/api/admin/articles/${id}`]) {
    out[path] = (await page.request.get(path, { maxRedirects: 0, failOnStatusCode: false })).status();
  }
  return out;
}

const all = (id: number, status: number) => Object.fromEntries([...paths(id), `/api/admin/articles/${id}`].map((path) => [path, status]));

/** The ids the article list shows for a search for the shared word. */
async function listed(page: Page): Promise<number[]> {
  await page.goto(`/admin/articles?q=${word}`);
  const hrefs = await page.locator('main table a[href^="/admin/articles/"]').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
  return [...new Set(hrefs.map((href) => Number(/^\/admin\/articles\/(\d+)$/.exec(href)?.[1])).filter(Boolean))].sort((a, b) => a - b);
}

test("writer B cannot open writer A's draft or embargoed article anywhere; A and an editor can", async ({ browser, baseURL }) => {
  const as = async (account: Account) => {
    const context = await browser.newContext({ baseURL });
    const page = await context.newPage();
    await signIn(page, account);
    return { page, close: () => context.close() };
  };

  const b = await as(writerB);
  expect.soft(await statuses(b.page, draftId), 'draft, as writer B').toEqual(all(draftId, 404));
  expect.soft(await statuses(b.page, embargoedId), 'embargoed, as writer B').toEqual(all(embargoedId, 404));
  // The page says "not found", not the headline.
  await b.page.goto(`/admin/articles/${draftId}/preview`);
  await expect(b.page.getByText(`${word} draft of writer A`)).toHaveCount(0);
  // The list does not show them, whatever the filters say.
  expect.soft(await listed(b.page), 'the list, as writer B').toEqual([]);
  await b.page.goto(`/admin/articles?author=${writerA.id}&status=draft`);
  await expect(b.page.getByRole('status')).toHaveText('0 articles');
  // Nor does the related-links picker on B's own draft, by words or by id.
  await b.page.goto(`/admin/articles/${ownDraftOfB}?relatedQuery=${word}`);
  await expect(b.page.getByText(`${word} draft of writer A`)).toHaveCount(0);
  await b.page.goto(`/admin/articles/${ownDraftOfB}?relatedQuery=${embargoedId}`);
  await expect(b.page.getByText(`${word} embargoed story of writer A`)).toHaveCount(0);
  await b.close();

  for (const [who, account] of [['writer A', writerA], ['an editor', editor]] as const) {
    const viewer = await as(account);
    expect.soft(await statuses(viewer.page, draftId), `draft, as ${who}`).toEqual(all(draftId, 200));
    expect.soft(await statuses(viewer.page, embargoedId), `embargoed, as ${who}`).toEqual(all(embargoedId, 200));
    expect.soft(await listed(viewer.page), `the list, as ${who}`).toEqual([draftId, embargoedId].sort((x, y) => x - y));
    const api = await viewer.page.request.get(`/api/admin/articles/${draftId}`);
    expect.soft(await api.json()).toMatchObject({ id: draftId, status: 'draft', values: { headline: `${word} draft of writer A` } });
    await viewer.close();
  }
});

test('the JSON read API wants a session', async ({ request }) => {
  const response = await request.get(`/api/admin/articles/${draftId}`, { failOnStatusCode: false });
  expect(response.status()).toBe(401);
});
