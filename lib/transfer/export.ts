// Streams all content to a Lede export file (format.ts: NDJSON, a record a line): pages of 500 rows by
// id, each written as a line as it is read, so a million articles export in flat memory.
// Each record is the row's own columns under their own names (dates as ISO text) plus the fields
// that name other rows by natural key; fields.ts makes a column the record lacks, or a record field
// left unfilled, a type error.
import fs from 'node:fs';
import { once } from 'node:events';
import { storedBody } from '@/lib/articles/stored-fields';
import { db } from '@/lib/db/client';
import { bodyReferences, toTransferBody } from '@/lib/transfer/body';
import { isoDates, sameNames, type Complete } from '@/lib/transfer/fields';
import { recordTypes, transferCollections, transferFormat, transferVersion, type TransferCollection, type TransferCounts, type TransferLines } from '@/lib/transfer/format';

const pageSize = 500;

type Page<T> = (afterId: number) => Promise<{ id: number; records: T[] }[]>;

/** Rows after `afterId` by id, a page at a time; each row gives one record or (an article's links) several. */
async function* pages<T>(load: Page<T>): AsyncGenerator<T> {
  let afterId = 0;
  for (;;) {
    const rows = await load(afterId);
    for (const row of rows) yield* row.records;
    if (rows.length < pageSize) return;
    afterId = rows[rows.length - 1]!.id;
  }
}

const after = (afterId: number) => ({ where: { id: { gt: afterId } }, orderBy: { id: 'asc' as const }, take: pageSize });

const sources: { [K in TransferCollection]: () => AsyncGenerator<TransferLines[K]> } = {
  sections: () =>
    pages(async (afterId) =>
      // updatedAt is the database's own (set on every write), not content.
      (await db.section.findMany(after(afterId))).map(({ id, updatedAt: _updatedAt, ...columns }) => ({
        id,
        records: [{ ...sameNames<TransferLines['sections']>()(isoDates(columns)) } satisfies Complete<TransferLines['sections']>],
      })),
    ),
  tags: () =>
    pages(async (afterId) =>
      (await db.tag.findMany(after(afterId))).map(({ id, ...columns }) => ({
        id,
        records: [{ ...sameNames<TransferLines['tags']>()(isoDates(columns)) } satisfies Complete<TransferLines['tags']>],
      })),
    ),
  // Media without a poster first: posters are then always listed before the videos that use them.
  media: async function* () {
    for (const withPoster of [false, true]) {
      yield* pages(async (afterId) =>
        (
          await db.media.findMany({
            where: { id: { gt: afterId }, posterId: withPoster ? { not: null } : null },
            orderBy: { id: 'asc' },
            take: pageSize,
            include: { poster: { select: { path: true } } },
          })
        ).map(({ id, posterId: _posterId, poster, renditions, ...columns }) => ({
          id,
          records: [
            {
              ...sameNames<TransferLines['media']>()(isoDates(columns)),
              renditions: renditions ?? null,
              poster: poster?.path ?? null,
            } satisfies Complete<TransferLines['media']>,
          ],
        })),
      );
    }
  },
  contributors: () =>
    pages(async (afterId) =>
      (
        await db.contributor.findMany({
          ...after(afterId),
          include: { photo: { select: { path: true } }, user: { select: { email: true } }, oldSlugs: { orderBy: { createdAt: 'asc' }, select: { slug: true, createdAt: true } } },
        })
      ).map(({ id, photoId: _photoId, userId: _userId, updatedAt: _updatedAt, photo, user, oldSlugs, ...columns }) => ({
        id,
        records: [
          {
            ...sameNames<TransferLines['contributors']>()(isoDates(columns)),
            photo: photo?.path ?? null,
            accountEmail: user?.email ?? null,
            oldSlugs: oldSlugs.map((old) => isoDates(old)),
          } satisfies Complete<TransferLines['contributors']>,
        ],
      })),
    ),
  articles: () =>
    pages(async (afterId) => {
      const rows = await db.article.findMany({
        ...after(afterId),
        include: {
          section: { select: { slug: true } },
          leadMedia: { select: { path: true } },
          author: { select: { email: true } },
          tags: { orderBy: { position: 'asc' }, select: { tag: { select: { slug: true } } } },
          contributors: { orderBy: { position: 'asc' }, select: { contributor: { select: { slug: true } } } },
          oldSlugs: { orderBy: { createdAt: 'asc' }, select: { slug: true, createdAt: true } },
        },
      });
      // The page's bodies name media and articles by id: their paths and slugs, one query each.
      const bodies = new Map(rows.map((row) => [row.id, storedBody(row.body)]));
      const references = [...bodies.values()].map(bodyReferences);
      const mediaIds = [...new Set(references.flatMap((reference) => reference.mediaIds))];
      const articleIds = [...new Set(references.flatMap((reference) => reference.articleIds))];
      const keys = {
        mediaPath: new Map((mediaIds.length ? await db.media.findMany({ where: { id: { in: mediaIds } }, select: { id: true, path: true } }) : []).map((media) => [media.id, media.path])),
        articleSlug: new Map((articleIds.length ? await db.article.findMany({ where: { id: { in: articleIds } }, select: { id: true, slug: true } }) : []).map((article) => [article.id, article.slug])),
      };
      // wordCount is made again from the blocks.
      return rows.map(({ id, sectionId: _sectionId, leadMediaId: _leadMediaId, authorId: _authorId, wordCount: _derived, body: _body, section, leadMedia, author, tags, contributors, oldSlugs, ...columns }) => ({
        id,
        records: [
          {
            ...sameNames<TransferLines['articles']>()(isoDates(columns)),
            body: toTransferBody(bodies.get(id)!, keys),
            section: section.slug,
            leadMedia: leadMedia?.path ?? null,
            authorEmail: author?.email ?? null,
            tags: tags.map((link) => link.tag.slug),
            contributors: contributors.map((link) => link.contributor.slug),
            oldSlugs: oldSlugs.map((old) => isoDates(old)),
          } satisfies Complete<TransferLines['articles']>,
        ],
      }));
    }),
  // By article, each article's links together in their order: the importer writes an article's list
  // in one transaction when the next article's links begin.
  relatedLinks: () =>
    pages(async (afterId) =>
      (
        await db.article.findMany({
          where: { id: { gt: afterId }, relatedLinks: { some: {} } },
          orderBy: { id: 'asc' },
          take: pageSize,
          select: {
            id: true,
            slug: true,
            relatedLinks: {
              orderBy: [{ position: 'asc' }, { id: 'asc' }],
              include: { targetArticle: { select: { slug: true } }, media: { select: { path: true } } },
            },
          },
        })
      ).map((article) => ({
        id: article.id,
        records: article.relatedLinks.map(({ id: _id, articleId: _articleId, targetArticleId: _targetArticleId, mediaId: _mediaId, targetArticle, media, ...columns }) => ({
          ...sameNames<TransferLines['relatedLinks']>()(isoDates(columns)),
          article: article.slug,
          target: targetArticle?.slug ?? null,
          media: media?.path ?? null,
        }) satisfies Complete<TransferLines['relatedLinks']>),
      })),
    ),
  corrections: () =>
    pages(async (afterId) =>
      (await db.correction.findMany({ ...after(afterId), include: { article: { select: { slug: true } }, author: { select: { email: true } } } })).map(
        ({ id, articleId: _articleId, authorId: _authorId, article, author, ...columns }) => ({
          id,
          records: [{ ...sameNames<TransferLines['corrections']>()(isoDates(columns)), article: article.slug, authorEmail: author?.email ?? null } satisfies Complete<TransferLines['corrections']>],
        }),
      ),
    ),
};

/** Writes every collection to `file`, a line a record; returns how many records of each it wrote. */
export async function exportContent(file: string, now: Date = new Date()): Promise<TransferCounts> {
  const out = fs.createWriteStream(file, { encoding: 'utf8' });
  const write = async (line: object) => {
    if (!out.write(`${JSON.stringify(line)}\n`)) await once(out, 'drain');
  };
  const counts = Object.fromEntries(transferCollections.map((name) => [name, 0])) as TransferCounts;
  try {
    await write({ type: 'header', format: transferFormat, version: transferVersion, exportedAt: now.toISOString() });
    for (const name of transferCollections) {
      for await (const record of sources[name]()) {
        await write({ type: recordTypes[name], ...record });
        counts[name] += 1;
      }
    }
    await write({ type: 'end' });
  } finally {
    out.end();
    await once(out, 'close');
  }
  return counts;
}
