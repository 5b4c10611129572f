// Writes one parsed legacy article, inside the caller's transaction (never half an article).
// The legacy id is the key: a new id creates the article, a known one is compared and updated only
// when the file says something new (recorded as a revision). Related items become related links in
// `sort` order; a target not in Lede yet keeps its legacy id, title and picture and is connected
// when it arrives. docs/legacy-format.md describes the rules.
import { createHash } from 'node:crypto';
import { Prisma } from '@/lib/generated/prisma/client';
import { uniqueArticleSlug } from '@/lib/articles/slug';
import { paragraphsToBody } from '@/lib/legacy/body';
import { legacyMediaPath, legacyPictureMedia, type KnownMedia, type LegacyMediaOptions } from '@/lib/legacy/media';
import type { LegacyArticle } from '@/lib/legacy/types';
import { recordRevision } from '@/lib/revisions/record';
import { statusOnArrival } from '@/lib/articles/public';

export type LegacyWriteOutcome = 'imported' | 'updated' | 'unchanged';
export type LegacyWriteResult = { articleId: number; outcome: LegacyWriteOutcome; connected: number };
export type LegacyWriteOptions = LegacyMediaOptions & {
  legacyId: string;
  sectionId: number;
  /** Lead media to use when the article has none (the demo gives the Lavrov article its video). */
  leadMediaId?: number | null;
};

/** Revision notes of imports carry the hash of what the file said, so a re-import can tell. */
const importNote = (hash: string) => `legacy-import sha256=${hash}`;

export function legacyContentHash(article: LegacyArticle): string {
  const { source: _source, ...content } = article;
  return createHash('sha256').update(JSON.stringify(content)).digest('hex');
}

/** Kickers naming video ("VIDEO", "SYRIA VIDEO") mark the old site's video stories. */
export const isVideoKicker = (kicker: string): boolean => /\bVIDEO\b/.test(kicker);

export async function saveLegacyArticle(tx: Prisma.TransactionClient, article: LegacyArticle, options: LegacyWriteOptions): Promise<LegacyWriteResult> {
  const hash = legacyContentHash(article);
  // One look-up for the article itself and every related target (all by legacy id).
  // Raw reads here and below: plain look-ups by indexed keys, and the importer's hottest path, where
  // the query builder's own work costs more than SQLite's.
  const known = (
    await tx.$queryRaw<{ id: number | bigint; legacyId: string; leadMediaId: number | bigint | null }[]>`
      SELECT "id", "legacyId", "leadMediaId" FROM "Article" WHERE "legacyId" IN (${Prisma.join([options.legacyId, ...article.related.map((item) => item.id)])})`
  ).map((row) => ({ id: Number(row.id), legacyId: row.legacyId, leadMediaId: row.leadMediaId === null ? null : Number(row.leadMediaId) }));
  const existing = known.find((row) => row.legacyId === options.legacyId) ?? null;

  if (existing) {
    const lastImport = await tx.revision.findFirst({
      where: { articleId: existing.id, note: { startsWith: 'legacy-import ' } },
      orderBy: { version: 'desc' },
      select: { note: true },
    });
    // Same file as last time: leave the article alone, even if the newsroom has edited it since.
    if (lastImport?.note === importNote(hash)) {
      // The pictures may have arrived since (--media-root): copy them across all the same.
      if (options.mediaRoot) for (const item of article.related) await legacyPictureMedia(tx, item.pic, item.headline, options);
      return { articleId: existing.id, outcome: 'unchanged', connected: 0 };
    }
  }

  const bodyFields = paragraphsToBody(article.paragraphs);
  const links = [];
  const targets = new Map(known.map((target) => [target.legacyId!, target.id]));
  const knownMedia = new Map<string, KnownMedia>();
  if (article.related.length) {
    const rows = await tx.$queryRaw<{ id: number | bigint; path: string; bytes: number | bigint | null }[]>`
      SELECT "id", "path", "bytes" FROM "Media" WHERE "path" IN (${Prisma.join(article.related.map((item) => legacyMediaPath(item.pic)))})`;
    for (const row of rows) knownMedia.set(row.path, { id: Number(row.id), bytes: row.bytes === null ? null : Number(row.bytes) });
  }
  for (const [position, item] of article.related.entries()) {
    const media = await legacyPictureMedia(tx, item.pic, item.headline, options, knownMedia.get(legacyMediaPath(item.pic)) ?? null);
    links.push({
      position,
      targetArticleId: targets.get(item.id) ?? null,
      targetLegacyId: item.id,
      kicker: item.kicker,
      title: item.headline,
      contentType: item.mediaKind === 'video' ? ('video' as const) : ('text' as const),
      mediaId: media.id,
    });
  }

  const fields = {
    kicker: article.kicker,
    headline: article.headline,
    ...bodyFields,
    sourceCredit: article.sourceCredit,
    status: statusOnArrival('published' as const, new Date(article.publishedAt)),
    contentType: isVideoKicker(article.kicker) ? ('video' as const) : ('text' as const),
    sectionId: options.sectionId,
    publishedAt: new Date(article.publishedAt),
  };

  let articleId: number;
  let outcome: LegacyWriteOutcome;
  if (existing) {
    // The section and slug stay as the newsroom has them: URLs must not move under readers.
    const { sectionId: _sectionId, ...changed } = fields;
    await tx.article.update({
      where: { id: existing.id },
      data: { ...changed, version: { increment: 1 }, modifiedAt: new Date(), leadMediaId: existing.leadMediaId ?? options.leadMediaId ?? undefined },
    });
    await tx.relatedLink.deleteMany({ where: { articleId: existing.id } });
    articleId = existing.id;
    outcome = 'updated';
  } else {
    // Pictures other articles showed for this one (their related items) make its lead picture.
    const shownAs = options.leadMediaId
      ? null
      : (
          await tx.$queryRaw<{ mediaId: number | bigint }[]>`
            SELECT "mediaId" FROM "RelatedLink" WHERE "targetLegacyId" = ${options.legacyId} AND "mediaId" IS NOT NULL ORDER BY "id" LIMIT 1`
        ).map((row) => ({ mediaId: Number(row.mediaId) }))[0];
    const created = await tx.article.create({
      data: {
        ...fields,
        legacyId: options.legacyId,
        slug: await uniqueArticleSlug(article.headline, { client: tx }),
        modifiedAt: fields.publishedAt,
        leadMediaId: options.leadMediaId ?? shownAs?.mediaId ?? null,
      },
      select: { id: true },
    });
    articleId = created.id;
    outcome = 'imported';
  }
  if (links.length) await tx.relatedLink.createMany({ data: links.map((link) => ({ ...link, articleId })) });
  // Links that waited for this article connect when it arrives (an update finds them connected already).
  const connected =
    outcome === 'imported'
      ? (await tx.relatedLink.updateMany({ where: { targetLegacyId: options.legacyId, targetArticleId: null }, data: { targetArticleId: articleId } })).count
      : 0;
  await recordRevision(tx, { articleId, authorId: null, note: importNote(hash) });
  return { articleId, outcome, connected };
}
