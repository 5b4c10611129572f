// XSS vectors (OWASP XSS Filter Evasion Cheat Sheet, PayloadsAllTheThings "XSS Injection") in every
// field an editor types: headline, kicker, standfirst, body, related link title and URL. They must be
// stored harmlessly and never run on the public page, the preview or the admin: the test fails on any
// dialog, on any script the vectors put in, and on any event handler they leave in the DOM.
import { paragraphsBody } from '@/lib/articles/body/columns';
import { expect, test, type Page } from '@playwright/test';
import { newsroomAccount, signIn, someSection, type Account } from './admin-support';
import { addRelatedUrl } from '@/lib/articles/commands/related';
import { createArticle } from '@/lib/articles/commands/save';
import { publishArticle } from '@/lib/articles/commands/status';
import { db } from '@/lib/db/client';

const vectors = [
  '<script>alert("xss-1")</script>',
  '"><img src=x onerror=alert("xss-2")>',
  '<svg/onload=alert("xss-3")>',
  "'-alert(\"xss-4\")-'",
  '<iframe src="javascript:alert(`xss-5`)">',
  '<a href="javascript:alert(\'xss-6\')">click</a>',
  '<details open ontoggle=alert("xss-7")>',
  '<IMG SRC=JaVaScRiPt:alert("xss-8")>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert("xss-9")></style></mglyph></table></mtext></math>',
  '<noscript><p title="</noscript><img src=x onerror=alert(\'xss-10\')>">',
  '{{constructor.constructor(\'alert("xss-11")\')()}}',
  '<body onload=alert("xss-12")>',
];

let editor: Account;

test.beforeAll(async () => {
  editor = await newsroomAccount('editor');
});

/** Fails the test on any dialog; returns a check that nothing the vectors carry is live in the DOM. */
function guard(page: Page): { dialogs: string[] } {
  const seen = { dialogs: [] as string[] };
  page.on('dialog', async (dialog) => {
    seen.dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  return seen;
}

async function expectInert(page: Page, where: string) {
  const live = await page.evaluate(() => {
    const found: string[] = [];
    for (const element of document.querySelectorAll('*')) {
      for (const attribute of element.attributes) {
        if (/^on/i.test(attribute.name) && /xss/.test(attribute.value)) found.push(`${element.tagName} ${attribute.name}`);
        if (/^(href|src|action|formaction)$/i.test(attribute.name) && /^\s*javascript:/i.test(attribute.value)) found.push(`${element.tagName} ${attribute.name}=${attribute.value}`);
      }
    }
    // Next's own flight-data scripts carry the page's text as JSON strings (inert data); any other
    // script holding a vector would be one the vectors put there.
    for (const script of document.querySelectorAll('script')) {
      const text = script.textContent ?? '';
      // JSON-LD and other data blocks are not run by the browser.
      if (script.type && !/^(text\/javascript|module|application\/javascript)$/i.test(script.type)) continue;
      if (/xss-\d/.test(text) && !/^\s*self\.__next_f\.push\(/.test(text)) found.push(`script: ${text.slice(0, 80)}`);
    }
    for (const frame of document.querySelectorAll('iframe, object, embed')) found.push(frame.tagName);
    return found;
  });
  expect(live, `live vector markup on ${where}`).toEqual([]);
}

test('vectors typed into the form and sent inside the body document are stored as text and never run', async ({ page }) => {
  const seen = guard(page);
  const section = await someSection();
  await signIn(page, editor);

  const ids: number[] = [];
  for (const [index, vector] of vectors.entries()) {
    await page.goto('/admin/articles/new');
    await page.getByRole('textbox', { name: 'Headline (required)' }).fill(`${vector} headline ${index}`);
    await page.getByRole('textbox', { name: 'Kicker' }).fill(vector.slice(0, 100));
    await page.getByRole('textbox', { name: 'Standfirst' }).fill(vector);
    await page.getByLabel('Section (required)').selectOption(String(section.id));
    await page.getByTestId('body-editor').waitFor();
    // A hostile client writes the body document itself, the vector as a paragraph's text (control
    // characters, which the schema refuses, left out).
    await page.locator('input[type=hidden][name=body]').evaluate((input: HTMLInputElement, text) => {
      const paragraph = (words: string) => ({ type: 'paragraph', content: [{ type: 'text', text: words }] });
      input.value = JSON.stringify({ version: 1, blocks: [paragraph('Before'), paragraph(text), paragraph('After')] });
    }, vector.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '') || 'x');
    await page.getByRole('button', { name: 'Create draft' }).click();
    await expect(page.getByRole('status')).toHaveText('Draft created.');
    ids.push(Number(/\/admin\/articles\/(\d+)/.exec(page.url())?.[1]));
  }

  for (const [index, id] of ids.entries()) {
    const stored = await db.article.findUniqueOrThrow({ where: { id } });
    // Text fields are kept as typed (they are text, escaped when shown); so is the body's text: blocks hold no HTML.
    expect(stored.headline).toBe(`${vectors[index]} headline ${index}`);
    expect(stored.bodyText.startsWith('Before\n\n')).toBe(true);
    expect(JSON.stringify(stored.body)).not.toMatch(/"href":"javascript:/i);
    // The admin's own pages with the vectors in them.
    await page.goto(`/admin/articles/${id}`);
    await page.getByTestId('body-editor').waitFor();
    await expectInert(page, `the editor of article ${id}`);
    await page.goto(`/admin/articles/${id}/preview`);
    await expect(page.getByTestId('headline')).toHaveText(stored.headline);
    await expectInert(page, `the preview of article ${id}`);
  }
  await page.goto(`/admin/articles?q=${encodeURIComponent('headline')}`);
  await expectInert(page, 'the article list');

  // Published, on the public page (JSON-LD, meta tags and the body included).
  for (const id of ids) {
    await publishArticle(editor, id);
    const row = await db.article.findUniqueOrThrow({ where: { id }, include: { section: true } });
    await page.goto(`/${row.section.slug}/${row.slug}`);
    await expect(page.getByTestId('headline')).toHaveText(row.headline);
    await expect(page.getByTestId('kicker')).toHaveText(row.kicker);
    await expectInert(page, `the public article ${id}`);
  }
  await page.waitForTimeout(300);
  expect(seen.dialogs).toEqual([]);
});

test('related link titles and URLs with vectors: refused or shown as text, never run', async ({ page }) => {
  const seen = guard(page);
  const section = await someSection();
  const { id } = await createArticle(editor, { headline: 'Related links under attack', sectionId: section.id, body: paragraphsBody('Body') });
  // Hostile URLs are refused by the one schema, whoever sends them.
  for (const url of ['javascript:alert("xss-20")', 'JaVaScRiPt:alert("xss-21")', 'data:text/html,<script>alert("xss-22")</script>', ' javascript:alert(1)', 'vbscript:msgbox(1)', '//evil.example/x']) {
    await expect(addRelatedUrl(editor, id, { url, title: 'x' })).rejects.toThrow();
  }
  for (const vector of vectors.slice(0, 6)) await addRelatedUrl(editor, id, { url: 'https://example.org/?q="><script>alert("xss-23")</script>', title: vector, kicker: vector.slice(0, 100) });
  // A hostile URL that reached the database another way (an old import) is still never a live link.
  await db.relatedLink.create({ data: { articleId: id, position: 99, url: 'javascript:alert("xss-24")', title: 'Imported link' } });
  await publishArticle(editor, id);
  const row = await db.article.findUniqueOrThrow({ where: { id }, include: { section: true } });
  const path = `/${row.section.slug}/${row.slug}`;

  await signIn(page, editor);
  await page.goto(`/admin/articles/${id}`);
  await expectInert(page, 'the related links editor');
  await page.goto(path);
  await expect(page.getByTestId('related-link')).toHaveCount(6);
  await expect(page.getByTestId('related-link').first()).toContainText(vectors[0]!);
  await expectInert(page, 'the public article with related links');
  await page.waitForTimeout(300);
  expect(seen.dialogs).toEqual([]);
});
