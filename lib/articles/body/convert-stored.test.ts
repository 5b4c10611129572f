// The conversion at start of bodies stored as HTML before the story model, on a database seeded the
// way the migration leaves an old Lede's: each HTML body waiting in "ArticleBodyHtml" (with the old
// plain text still in bodyText), and revisions whose snapshot holds the body as a string listed in
// "RevisionBodyHtml". The migration itself, on an old database, is tested in story-blocks-upgrade.test.ts.
// Runs on SQLite and on PostgreSQL (LEDE_TEST_DATABASE=postgres).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { config } from '@/lib/config';
import { diedOfSigkill } from '@/testing/killed';
import { convertStoredBodies } from '@/lib/articles/body/convert-stored';
import { bodyToText } from '@/lib/articles/body/html-text';
import { bodyDocumentSchema } from '@/lib/articles/body/schema';
import { bodyPlainText, countWords } from '@/lib/articles/body/text';
import { sqliteDateTime } from '@/lib/articles/bulk';
import { db } from '@/lib/db/client';
import { parameters } from '@/lib/db/dialect';
import { searchArticles } from '@/lib/search';

const tsx = path.join(config.projectRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs');
let sectionId: number;
const stamp = new Date('2020-05-01T10:00:00.000Z');

async function oldArticle(slug: string, html: string, status: 'draft' | 'published' = 'published'): Promise<number> {
  // As the migration leaves an old row: the old plain text in bodyText, the HTML waiting beside it.
  await db.$executeRawUnsafe(
    `INSERT INTO "Article" ("slug", "headline", "bodyText", "status", "sectionId", "publishedAt", "createdAt", "updatedAt") VALUES (${parameters(8)})`,
    slug, `Headline ${slug}`, bodyToText(html), status, sectionId, sqliteDateTime(stamp), sqliteDateTime(stamp), sqliteDateTime(stamp),
  );
  const { id } = await db.article.findUniqueOrThrow({ where: { slug }, select: { id: true } });
  // The migration moves only bodies that were not empty.
  if (html) await db.articleBodyHtml.create({ data: { articleId: id, html } });
  return id;
}

/** A revision as the old schema kept it (its body a string), listed as waiting the way the migration lists it. */
async function oldRevision(articleId: number, headline: string, body: string): Promise<void> {
  const { id } = await db.revision.create({ data: { articleId, version: 1, note: 'Created', snapshot: { headline, body, tags: [] } } });
  await db.revisionBodyHtml.create({ data: { revisionId: id } });
}

const waiting = async (ids: readonly number[]) => db.articleBodyHtml.count({ where: { articleId: { gte: Math.min(...ids), lte: Math.max(...ids) } } });

const html = {
  plain: '<p>The harbour reopened on Tuesday.</p><p>Ships &amp; ferries returned at dawn.</p>',
  rich: '<h2>Background</h2><p>The <strong>storm</strong> hit <a href="https://example.org/storm">the coast</a>.</p><ul><li>Roads closed</li><li>Schools shut<ul><li>Until Friday</li></ul></li></ul><blockquote><p>It was the worst in years.</p></blockquote><hr><figure><img src="https://example.org/storm.jpg" alt="Waves"><figcaption>Waves over the wall.</figcaption></figure>',
  persian: '<p>گزارش ویژه از بندر</p>',
};

beforeAll(async () => {
  sectionId = (await db.section.create({ data: { slug: 'convert-news', name: 'News' } })).id;
});

// Text before = text after, compared without white space: the old HTML reader ran a nested list into
// its item's last word ("shut<ul><li>Until" → "shutUntil"), which the blocks rightly keep apart.
const normalised = (text: string) => text.replace(/\s+/g, '');

describe('convertStoredBodies', () => {
  it('converts every HTML body to blocks with its text, word count and search, empties the HTML, keeps updatedAt, and reports', async () => {
    const ids = {
      plain: await oldArticle('old-plain', html.plain),
      rich: await oldArticle('old-rich', html.rich, 'draft'),
      persian: await oldArticle('old-persian', html.persian),
    };
    const empty = await oldArticle('old-empty', '');
    await oldRevision(ids.plain, 'Headline old-plain', html.plain);
    await oldRevision(ids.rich, 'Headline old-rich', html.rich);

    const lines: string[] = [];
    expect(await convertStoredBodies({ log: (line) => lines.push(line) })).toEqual({ articles: 3, revisions: 2, droppedPictures: 2 });
    expect(lines[0]).toBe('converted 3 article bodies (2 revisions) to blocks');
    expect(lines[1]).toMatch(/^2 pictures given only by a web address/);

    for (const [name, id] of Object.entries(ids)) {
      const row = await db.article.findUniqueOrThrow({ where: { id } });
      const body = bodyDocumentSchema.parse(row.body);
      expect(row.bodyText, name).toBe(bodyPlainText(body));
      expect(row.wordCount, name).toBe(countWords(row.bodyText));
      // Text before = text after.
      expect(normalised(row.bodyText), name).toBe(normalised(bodyToText(html[name as keyof typeof html])));
      expect(row.updatedAt.toISOString(), name).toBe(stamp.toISOString());
    }
    // Nothing waits any more: the next start's check reads two empty tables.
    expect([await db.articleBodyHtml.count(), await db.revisionBodyHtml.count()]).toEqual([0, 0]);
    const rich = bodyDocumentSchema.parse((await db.article.findUniqueOrThrow({ where: { id: ids.rich } })).body);
    expect(rich.blocks.map((block) => block.type)).toEqual(['heading', 'paragraph', 'list', 'quote', 'divider', 'paragraph']);
    expect((await db.article.findUniqueOrThrow({ where: { id: empty } })).body).toEqual({ version: 1, blocks: [] });

    const revisions = await db.revision.findMany({ where: { articleId: { in: [ids.plain, ids.rich] } }, orderBy: { articleId: 'asc' } });
    for (const revision of revisions) {
      const snapshot = revision.snapshot as { body: unknown; headline: string; language: string };
      expect(bodyDocumentSchema.safeParse(snapshot.body).success).toBe(true);
      expect(snapshot.headline).toMatch(/^Headline old-/);
      expect(snapshot.language).toBe('');
    }

    // The index followed the new text (FTS5 trigger / generated tsvector).
    expect((await searchArticles('ferries')).hits.map((hit) => hit.id)).toEqual([ids.plain]);
    expect((await searchArticles('ویژه')).hits.map((hit) => hit.id)).toEqual([ids.persian]);
  });

  it('is idempotent: a second run converts nothing and says nothing', async () => {
    const lines: string[] = [];
    expect(await convertStoredBodies({ log: (line) => lines.push(line) })).toEqual({ articles: 0, revisions: 0, droppedPictures: 0 });
    expect(lines).toEqual([]);
  });

  it('converts in batches past the batch size, in chunks of 500 rows an UPDATE', async () => {
    const many = [];
    for (let n = 0; n < 1_250; n += 1) many.push(await oldArticle(`batch-${n}`, `<p>Story number ${n}.</p>`));
    const lines: string[] = [];
    expect((await convertStoredBodies({ batchSize: 1_250, log: (line) => lines.push(line) })).articles).toBe(1_250);
    expect(lines).toEqual(['converted 1250 article bodies (0 revisions) to blocks']);
    expect((await db.article.findUniqueOrThrow({ where: { id: many[0]! } })).bodyText).toBe('Story number 0.');
    expect((await db.article.findUniqueOrThrow({ where: { id: many[600]! } })).bodyText).toBe('Story number 600.');
    const last = await db.article.findUniqueOrThrow({ where: { id: many.at(-1)! } });
    expect(last.bodyText).toBe('Story number 1249.');
    expect(last.wordCount).toBe(3);
    expect(await waiting(many)).toBe(0);
  });

  it('survives kill -9 inside a batch: what committed stays converted, the rest stays HTML, and the next start finishes', async () => {
    const ids: number[] = [];
    for (let n = 0; n < 450; n += 1) ids.push(await oldArticle(`crash-${n}`, `<p>Crash story ${n}.</p>`));
    // Killed at the 250th row: inside the second batch of 200, before its commit.
    const run = spawnSync(process.execPath, [tsx, 'testing/convert-child.ts'], { cwd: config.projectRoot, env: { ...process.env, LEDE_FAULT_KILL_AT: 'bodies.converted:250' }, encoding: 'utf8', timeout: 120_000 });
    expect(diedOfSigkill(run), run.stderr).toBe(true);
    const rows = await db.article.findMany({ where: { id: { in: ids } }, select: { bodyText: true, wordCount: true, bodyHtml: { select: { html: true } } }, orderBy: { id: 'asc' } });
    const converted = rows.filter((row) => row.bodyHtml === null);
    expect(converted).toHaveLength(200);
    // Each row is whole: converted with its text and words and no longer waiting, or still waiting
    // with its HTML and its old text.
    for (const [n, row] of rows.entries()) {
      expect(row.bodyText).toBe(`Crash story ${n}.`);
      expect(row.wordCount).toBe(row.bodyHtml === null ? 3 : 0);
      if (row.bodyHtml) expect(row.bodyHtml.html).toBe(`<p>Crash story ${n}.</p>`);
    }
    expect((await convertStoredBodies()).articles).toBe(250);
    expect(await waiting(ids)).toBe(0);
  });
});
