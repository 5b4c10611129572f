// Writes one parsed legacy article, inside the caller's transaction (never half an article).
// The legacy id is the key: a new id creates the article, a known one is compared and updated only
// when the file says something new (recorded as a revision). Related items become related links in
// `sort` order; a target not in Lede yet keeps its legacy id, title and picture and is connected
// when it arrives. docs/legacy-format.md describes the rules.
import { createHash } from 'node:crypto';
import type { Prisma } from '@/lib/generated/prisma/client';
import { uniqueArticleSlug } from '@/lib/articles/slug';
import { paragraphsToBody } from '@/lib/legacy/body';
import { legacyMediaPath, legacyPictureMedia, type LegacyMediaOptions } from '@/lib/legacy/media';
import type { LegacyArticle } from '@/lib/legacy/types';
import { recordRevision } from '@/lib/revisions/record';

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
  const existing = await tx.article.findUnique({ where: { legacyId: options.legacyId }, select: { id: true, leadMediaId: true, version: true } });

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

  const { body, bodyText } = paragraphsToBody(article.paragraphs);
  const links = [];
  const targets = new Map(
    (await tx.article.findMany({ where: { legacyId: { in: article.related.map((item) => item.id) } }, select: { id: true, legacyId: true } })).map(
      (target) => [target.legacyId!, target.id],
    ),
  );
  const knownMedia = new Map(
    (await tx.media.findMany({ where: { path: { in: article.related.map((item) => legacyMediaPath(item.pic)) } } })).map((media) => [media.path, media]),
  );
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
    body,
    bodyText,
    sourceCredit: article.sourceCredit,
    status: 'published' as const,
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
      : await tx.relatedLink.findFirst({ where: { targetLegacyId: options.legacyId, mediaId: { not: null } }, orderBy: { id: 'asc' }, select: { mediaId: true } });
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
  await tx.relatedLink.createMany({ data: links.map((link) => ({ ...link, articleId })) });
  const connected = await tx.relatedLink.updateMany({ where: { targetLegacyId: options.legacyId, targetArticleId: null }, data: { targetArticleId: articleId } });
  await recordRevision(tx, { articleId, authorId: null, note: importNote(hash) });
  return { articleId, outcome, connected: connected.count };
}
