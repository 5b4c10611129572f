// People: an editor adds a contributor profile in the newsroom, then bylines an article with two
// contributors in an order set with the keyboard; a reader sees that order on the page and in its
// JSON-LD (structured-data-testing-tool: 0 failures), follows a name to the author page (ProfilePage,
// 0 failures), pages through it and reads its feeds; a profile edit shows at once on the article page.
// A writer cannot manage profiles. axe-core finds nothing on the new pages.
import { expect, test } from '@playwright/test';
import { db } from '@/lib/db/client';
import { createArticle } from '@/lib/articles/commands/save';
import { publishArticle } from '@/lib/articles/commands/status';
import { paragraphsBody } from '@/lib/articles/body/columns';
import { PAGE_SIZE } from '@/lib/articles/cursor';
import { googlePreset, jsonLdBlocks } from '@/testing/sdtt';
import { childrenNamed, childText, parseXmlStrict } from '@/lib/xml/strict-parse';
import { accessibilityViolations } from './support/fixtures';
import { newsroomAccount, signIn, someSection, uniqueWord, type Account } from './admin-support';

let editor: Account;
let writer: Account;

test.beforeAll(async () => {
  [editor, writer] = await Promise.all([newsroomAccount('editor'), newsroomAccount('writer')]);
});

test('an editor adds a contributor and bylines an article with two; readers see the order, the author page, its pages and feeds', async ({ page, request }) => {
  test.setTimeout(240_000);
  const surname = uniqueWord('Quill');
  const name = `Ines ${surname}`;
  const section = await someSection();
  const other = await db.contributor.findFirstOrThrow({ where: { retiredAt: null, name: 'Amina Rahimi' }, select: { id: true, name: true, slug: true } });

  // The newsroom: the list, the new profile's form (axe on each), a handle normalised to its address.
  await signIn(page, editor);
  await page.goto('/admin/contributors');
  await expect(page.getByRole('heading', { level: 1, name: 'Contributors' })).toBeVisible();
  expect(await accessibilityViolations(page)).toEqual([]);
  await page.getByRole('link', { name: 'Add a contributor' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'New contributor' })).toBeVisible();
  expect(await accessibilityViolations(page)).toEqual([]);
  await page.getByLabel('Name (required)').fill(name);
  await page.getByLabel('Job title').fill('Night editor');
  await page.getByLabel('Short bio').fill('Ines edits the overnight file.');
  await page.getByLabel('X', { exact: true }).fill('@ines_q');
  await page.getByRole('button', { name: 'Add contributor' }).click();
  await expect(page.getByRole('status')).toHaveText('Contributor added. Writers can now put them in a byline.');
  expect(await accessibilityViolations(page)).toEqual([]);
  const created = await db.contributor.findFirstOrThrow({ where: { name }, select: { id: true, slug: true, x: true } });
  expect(created).toMatchObject({ slug: `ines-${surname.toLowerCase()}`, x: 'https://x.com/ines_q' });
  expect(await db.auditEntry.count({ where: { action: 'contributor.created', targetId: String(created.id), actorId: editor.id } })).toBe(1);

  // The article form: pick both by typing, then put the new contributor first with the keyboard.
  await page.goto('/admin/articles/new');
  const headline = `Harbour night shift ${uniqueWord()}`;
  await page.getByLabel('Headline (required)').fill(headline);
  await page.getByLabel('Section (required)').selectOption(String(section.id));
  const search = page.getByLabel('Add a contributor');
  await search.fill(other.name);
  await page.getByRole('button', { name: `Add to byline: ${other.name}` }).click();
  await search.fill(surname);
  await expect(page.getByRole('button', { name: `Add to byline: ${name}` })).toBeVisible();
  await search.press('Enter');
  const entries = page.getByTestId('byline-entry');
  await expect(entries).toHaveCount(2);
  await page.getByRole('button', { name: `Move up: ${name}` }).focus();
  await page.keyboard.press('Enter');
  await expect(entries.first()).toContainText(name);
  await expect(page.getByRole('button', { name: `Move down: ${name}` })).toBeFocused();
  await page.getByRole('button', { name: 'Create draft' }).click();
  await expect(page).toHaveURL(/\/admin\/articles\/\d+\?notice=created/);
  const articleId = Number(/\/admin\/articles\/(\d+)/.exec(page.url())![1]);
  expect((await db.articleContributor.findMany({ where: { articleId }, orderBy: { position: 'asc' }, select: { contributorId: true } })).map((row) => row.contributorId)).toEqual([created.id, other.id]);
  const { version } = await db.article.findUniqueOrThrow({ where: { id: articleId }, select: { version: true } });
  await publishArticle({ id: editor.id, role: 'editor' }, articleId, version);
  const { slug } = await db.article.findUniqueOrThrow({ where: { id: articleId }, select: { slug: true } });
  const articlePath = `/${section.slug}/${slug}`;

  // The reader: the byline in that order, each name a link to an author page; JSON-LD the same order.
  await page.goto(articlePath);
  await expect(page.getByTestId('byline-name')).toHaveText([name, other.name]);
  const html = await (await request.get(articlePath)).text();
  const news = jsonLdBlocks(html).find((block) => block['@type'] === 'NewsArticle')!;
  expect((news.author as { '@type': string; name: string; url: string; jobTitle?: string }[]).map((person) => [person['@type'], person.name, new URL(person.url).pathname, person.jobTitle])).toEqual([
    ['Person', name, `/author/${created.slug}`, 'Night editor'],
    ['Person', other.name, `/author/${other.slug}`, expect.any(String)],
  ]);
  expect((await googlePreset(html)).failed.map((failure) => failure.test)).toEqual([]);

  // Follow the name to the author page: photo-less profile, rel="me" link, ProfilePage, feeds in <head>.
  await page.getByRole('link', { name }).click();
  await expect(page).toHaveURL(new RegExp(`/author/${created.slug}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
  await expect(page.getByRole('link', { name: 'X' })).toHaveAttribute('rel', /\bme\b/);
  expect(await accessibilityViolations(page)).toEqual([]);
  const authorHtml = await (await request.get(`/author/${created.slug}`)).text();
  expect(jsonLdBlocks(authorHtml).find((block) => block['@type'] === 'ProfilePage')?.mainEntity).toMatchObject({ '@type': 'Person', name, jobTitle: 'Night editor', sameAs: ['https://x.com/ines_q'] });
  expect((await googlePreset(authorHtml)).failed.map((failure) => failure.test)).toEqual([]);
  await expect(page.locator(`head link[rel="alternate"][type="application/rss+xml"]`)).toHaveAttribute('href', new RegExp(`/feeds/author/${created.slug}/rss.xml$`));

  // Enough stories to page: the newest first, then the older page, and back.
  const actor = { id: editor.id, role: 'editor' as const };
  for (let index = 1; index <= PAGE_SIZE + 2; index += 1) {
    const story = await createArticle(actor, { headline: `Night file ${index} ${surname}`, sectionId: section.id, body: paragraphsBody('Filed overnight.'), contributors: [created.id] });
    await publishArticle(actor, story.id, story.version);
  }
  await page.goto(`/author/${created.slug}`);
  await expect(page.getByTestId('story-card')).toHaveCount(PAGE_SIZE);
  await expect(page.getByTestId('story-card').first()).toContainText(`Night file ${PAGE_SIZE + 2} ${surname}`);
  await page.getByRole('link', { name: 'Older stories →' }).click();
  await expect(page).toHaveURL(new RegExp(`/author/${created.slug}/older/\\d+-\\d+$`));
  await expect(page.getByTestId('story-card')).toHaveCount(3);
  await expect(page.getByTestId('story-card').last()).toContainText(headline);
  await page.getByRole('link', { name: '← Newer stories' }).click();
  await expect(page.getByTestId('story-card')).toHaveCount(PAGE_SIZE);

  // The feeds: every story of theirs, each naming its byline in order.
  const rss = childrenNamed(childrenNamed(parseXmlStrict(await (await request.get(`/feeds/author/${created.slug}/rss.xml`)).text()), 'rss')[0]!, 'channel')[0]!;
  const items = childrenNamed(rss, 'item');
  expect(items).toHaveLength(PAGE_SIZE + 3);
  const item = items.find((candidate) => childText(candidate, 'title') === headline)!;
  expect(childrenNamed(item, 'dc:creator').map((creator) => creator.text)).toEqual([name, other.name]);
  const atom = childrenNamed(parseXmlStrict(await (await request.get(`/feeds/author/${created.slug}/atom.xml`)).text()), 'feed')[0]!;
  const entry = childrenNamed(atom, 'entry').find((candidate) => childText(candidate, 'title') === headline)!;
  expect(childrenNamed(entry, 'author').map((author) => childText(author, 'name'))).toEqual([name, other.name]);

  // A profile edit shows at once on the article page (the byline is cached under the contributor's tag).
  await page.goto(`/admin/contributors/${created.id}`);
  expect(await accessibilityViolations(page)).toEqual([]);
  await page.getByLabel('Name (required)').fill(`${name} Jr.`);
  await page.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.getByRole('status')).toHaveText('Profile saved. Their author page and bylines show it now.');
  await page.goto(articlePath);
  await expect(page.getByTestId('byline-name')).toHaveText([`${name} Jr.`, other.name]);
});

test('a writer picks contributors but cannot manage them; without a session the search answers 401', async ({ page, request }) => {
  const target = await db.contributor.findFirstOrThrow({ select: { id: true, name: true } });
  await signIn(page, writer);
  for (const path of ['/admin/contributors', '/admin/contributors/new', `/admin/contributors/${target.id}`]) {
    await page.goto(path);
    await expect(page.getByText('Editors and admins manage contributors.')).toBeVisible();
  }
  const response = await page.request.get(`/api/admin/contributors/find?q=${encodeURIComponent(target.name.slice(0, 4))}`);
  expect(response.status()).toBe(200);
  expect(((await response.json()) as { results: { name: string }[] }).results.length).toBeGreaterThan(0);
  expect((await request.get('/api/admin/contributors/find?q=a')).status()).toBe(401);
});
