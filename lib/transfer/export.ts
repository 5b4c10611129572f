// Streams all content to a Lede export file (format.ts): pages of 500 rows by id, written as they are
// read, so a million articles export in flat memory.
import fs from 'node:fs';
import { once } from 'node:events';
import { db } from '@/lib/db/client';
import { transferCollections, transferFormat, transferVersion, type TransferCollection, type TransferCounts, type TransferRecords } from '@/lib/transfer/format';

const pageSize = 500;
const iso = (date: Date | null) => (date ? date.toISOString() : null);

type Page<T> = (afterId: number) => Promise<{ id: number; record: T }[]>;

async function* pages<T>(load: Page<T>): AsyncGenerator<T> {
  let afterId = 0;
  for (;;) {
    const rows = await load(afterId);
    for (const row of rows) yield row.record;
    if (rows.length < pageSize) return;
    afterId = rows[rows.length - 1]!.id;
  }
}

const after = (afterId: number) => ({ where: { id: { gt: afterId } }, orderBy: { id: 'asc' as const }, take: pageSize });

const sources: { [K in TransferCollection]: () => AsyncGenerator<TransferRecords[K]> } = {
  sections: () =>
    pages(async (afterId) =>
      (await db.section.findMany(after(afterId))).map((s) => ({
        id: s.id,
        record: { slug: s.slug, name: s.name, description: s.description, position: s.position, createdAt: s.createdAt.toISOString() },
      })),
    ),
  tags: () =>
    pages(async (afterId) => (await db.tag.findMany(after(afterId))).map((t) => ({ id: t.id, record: { slug: t.slug, name: t.name, createdAt: t.createdAt.toISOString() } }))),
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
        ).map((m) => ({
          id: m.id,
          record: {
            kind: m.kind,
            path: m.path,
            legacyPath: m.legacyPath,
            mimeType: m.mimeType,
            width: m.width,
            height: m.height,
            durationSeconds: m.durationSeconds,
            bytes: m.bytes,
            alt: m.alt,
            caption: m.caption,
            credit: m.credit,
            renditions: m.renditions ?? null,
            poster: m.poster?.path ?? null,
            createdAt: m.createdAt.toISOString(),
          },
        })),
      );
    }
  },
  articles: () =>
    pages(async (afterId) =>
      (
        await db.article.findMany({
          ...after(afterId),
          include: {
            section: { select: { slug: true } },
            leadMedia: { select: { path: true } },
            author: { select: { email: true } },
            tags: { orderBy: { position: 'asc' }, select: { tag: { select: { slug: true } } } },
            oldSlugs: { orderBy: { createdAt: 'asc' }, select: { slug: true, createdAt: true } },
          },
        })
      ).map((a) => ({
        id: a.id,
        record: {
          slug: a.slug,
          legacyId: a.legacyId,
          kicker: a.kicker,
          headline: a.headline,
          standfirst: a.standfirst,
          body: a.body,
          bodyText: a.bodyText,
          byline: a.byline,
          sourceCredit: a.sourceCredit,
          status: a.status,
          contentType: a.contentType,
          section: a.section.slug,
          leadMedia: a.leadMedia?.path ?? null,
          authorEmail: a.author?.email ?? null,
          publishedAt: iso(a.publishedAt),
          modifiedAt: iso(a.modifiedAt),
          breakingUntil: iso(a.breakingUntil),
          version: a.version,
          createdAt: a.createdAt.toISOString(),
          updatedAt: a.updatedAt.toISOString(),
          tags: a.tags.map((link) => link.tag.slug),
          oldSlugs: a.oldSlugs.map((old) => ({ slug: old.slug, createdAt: old.createdAt.toISOString() })),
        },
      })),
    ),
  // By id; the importer clears an article's links the first time it meets one of them.
  relatedLinks: () =>
    pages(async (afterId) =>
      (
        await db.relatedLink.findMany({
          ...after(afterId),
          include: { article: { select: { slug: true } }, targetArticle: { select: { slug: true } }, media: { select: { path: true } } },
        })
      ).map((l) => ({
        id: l.id,
        record: {
          article: l.article.slug,
          position: l.position,
          target: l.targetArticle?.slug ?? null,
          targetLegacyId: l.targetLegacyId,
          url: l.url,
          kicker: l.kicker,
          title: l.title,
          contentType: l.contentType,
          media: l.media?.path ?? null,
          createdAt: l.createdAt.toISOString(),
        },
      })),
    ),
  corrections: () =>
    pages(async (afterId) =>
      (await db.correction.findMany({ ...after(afterId), include: { article: { select: { slug: true } }, author: { select: { email: true } } } })).map((c) => ({
        id: c.id,
        record: { article: c.article.slug, note: c.note, authorEmail: c.author?.email ?? null, createdAt: c.createdAt.toISOString() },
      })),
    ),
};

/** Writes every collection to `file`; returns how many records of each it wrote. */
export async function exportContent(file: string, now: Date = new Date()): Promise<TransferCounts> {
  const out = fs.createWriteStream(file, { encoding: 'utf8' });
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  const counts = Object.fromEntries(transferCollections.map((name) => [name, 0])) as TransferCounts;
  try {
    await write(`{"format":${JSON.stringify(transferFormat)},"version":${transferVersion},"exportedAt":${JSON.stringify(now.toISOString())}\n`);
    for (const name of transferCollections) {
      await write(`,${JSON.stringify(name)}:[\n`);
      for await (const record of sources[name]()) {
        await write(`${counts[name] ? ',' : ''}${JSON.stringify(record)}\n`);
        counts[name] += 1;
      }
      await write(']\n');
    }
    await write('}\n');
  } finally {
    out.end();
    await once(out, 'close');
  }
  return counts;
}
