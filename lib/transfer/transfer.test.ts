import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { seedDemoContent } from '@/lib/seed/demo';
import { exportContent } from '@/lib/transfer/export';
import { importTransferFile } from '@/lib/transfer/import';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lede-transfer-'));
const first = path.join(dir, 'first.json');
const second = path.join(dir, 'second.json');
const exportedAt = new Date('2026-01-02T03:04:05.000Z');

/** Everything in the database, by natural keys, with every field: what a move must keep. */
async function contentOfDatabase() {
  const articles = await db.article.findMany({
    orderBy: { slug: 'asc' },
    include: {
      section: { select: { slug: true } },
      leadMedia: { select: { path: true } },
      author: { select: { email: true } },
      tags: { orderBy: { position: 'asc' }, select: { position: true, tag: { select: { slug: true, name: true } } } },
      oldSlugs: { orderBy: { slug: 'asc' }, select: { slug: true, createdAt: true } },
      relatedLinks: { orderBy: { position: 'asc' }, include: { targetArticle: { select: { slug: true } }, media: { select: { path: true } } } },
      corrections: { orderBy: { createdAt: 'asc' }, include: { author: { select: { email: true } } } },
    },
  });
  const media = await db.media.findMany({ orderBy: { path: 'asc' }, include: { poster: { select: { path: true } } } });
  const withoutIds = <T extends object>(row: T) =>
    Object.fromEntries(Object.entries(row).filter(([key]) => key !== 'id' && !/Id$/.test(key) && key !== 'articleId')) as Partial<T>;
  return {
    sections: (await db.section.findMany({ orderBy: { slug: 'asc' } })).map(({ id: _id, updatedAt: _updatedAt, ...rest }) => rest),
    tags: (await db.tag.findMany({ orderBy: { slug: 'asc' } })).map(({ id: _id, ...rest }) => rest),
    media: media.map((m) => ({ ...withoutIds(m), legacyPath: m.legacyPath })),
    articles: articles.map((a) => ({
      ...withoutIds(a),
      legacyId: a.legacyId,
      relatedLinks: a.relatedLinks.map((l) => ({ ...withoutIds(l), targetLegacyId: l.targetLegacyId })),
      corrections: a.corrections.map((c) => withoutIds(c)),
    })),
  };
}

async function emptyContent() {
  await db.relatedLink.deleteMany();
  await db.correction.deleteMany();
  await db.revision.deleteMany();
  await db.articleTag.deleteMany();
  await db.articleSlug.deleteMany();
  await db.article.deleteMany();
  await db.media.deleteMany();
  await db.tag.deleteMany();
  await db.section.deleteMany();
}

describe('export and import', () => {
  let before: Awaited<ReturnType<typeof contentOfDatabase>>;

  beforeAll(async () => {
    await seedDemoContent({ generatedArticles: 40 });
    // What the demo lacks: an author, a correction, an old slug, an external link, a draft, breaking
    // news, renditions, and text nobody here wrote. (No NUL: PostgreSQL cannot store it, so Lede's
    // input schemas refuse it at the edge.)
    const author = await db.user.create({ data: { email: 'desk@example.org', name: 'Desk', passwordHash: 'x' } });
    const lavrov = await db.article.findUniqueOrThrow({ where: { slug: 'russia-seeks-honest-cooperation-in-syria-lavrov' } });
    await db.article.update({ where: { id: lavrov.id }, data: { authorId: author.id, breakingUntil: new Date('2030-01-01T00:00:00.000Z'), version: 3 } });
    await db.correction.create({ data: { articleId: lavrov.id, note: 'An earlier version misspelt the minister’s name.', authorId: author.id } });
    await db.articleSlug.create({ data: { slug: 'russia-seeks-cooperation', articleId: lavrov.id } });
    await db.relatedLink.create({ data: { articleId: lavrov.id, position: 6, url: 'https://example.org/report?a=1&b="2"', title: '<script>alert(1)</script> \u202e', kicker: 'EXTERNAL' } });
    const section = await db.section.findFirstOrThrow();
    await db.article.create({ data: { slug: 'draft-with-unicode', headline: 'Ünïcödé 𝕳𝖊𝖆𝖉𝖑𝖎𝖓𝖊 \u0007 "quotes"\nnew line', sectionId: section.id, status: 'draft' } });
    await db.media.update({ where: { path: 'generated/picture-01.jpg' }, data: { renditions: { widths: [320, 640], crops: { square: 'generated/picture-01-1x1.jpg' } } } });
    before = await contentOfDatabase();
    expect(before.articles.length).toBe(48);
  });

  it('writes a file that is one JSON document with a record a line', async () => {
    const counts = await exportContent(first, exportedAt);
    expect(counts).toEqual({ sections: 6, tags: 22, media: before.media.length, articles: 48, relatedLinks: await db.relatedLink.count(), corrections: 1 });
    const text = fs.readFileSync(first, 'utf8');
    const whole = JSON.parse(text) as Record<string, unknown[]>;
    expect(whole.format).toBe('lede-export');
    expect(whole.articles).toHaveLength(48);
    expect(text).not.toContain('"id":');
    const lines = text.trimEnd().split('\n');
    expect(lines.length).toBe(1 + 6 * 2 + 6 + 22 + before.media.length + 48 + counts.relatedLinks + 1 + 1);
  });

  it('restores everything field by field into an empty database', async () => {
    await emptyContent();
    expect(await db.article.count()).toBe(0);
    const counts = await importTransferFile(first);
    expect(counts.articles).toBe(48);
    expect(await contentOfDatabase()).toEqual(before);
    // And exporting again gives the same file, byte for byte.
    await exportContent(second, exportedAt);
    expect(fs.readFileSync(second, 'utf8')).toBe(fs.readFileSync(first, 'utf8'));
  });

  it('changes nothing when the same file is imported again', async () => {
    await importTransferFile(first);
    expect(await contentOfDatabase()).toEqual(before);
  });

  it('refuses a file that is not an export, or is broken, naming the line', async () => {
    const broken = path.join(dir, 'broken.json');
    fs.writeFileSync(broken, '{"format":"something-else","version":1\n}\n');
    await expect(importTransferFile(broken)).rejects.toThrow(`${broken}:1: not a Lede export (format is "something-else")`);
    const lines = fs.readFileSync(first, 'utf8').split('\n');
    lines[3] = ',{"slug":';
    fs.writeFileSync(broken, lines.join('\n'));
    await expect(importTransferFile(broken)).rejects.toThrow(new RegExp(`^${broken.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:4: broken JSON in sections: `));
    fs.writeFileSync(broken, fs.readFileSync(first, 'utf8').split('\n').slice(0, 10).join('\n'));
    await expect(importTransferFile(broken)).rejects.toThrow(/ends early/);
  });
});
