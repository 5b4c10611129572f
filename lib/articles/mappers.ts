// Prisma rows → the read model (lib/articles/types.ts). Pure functions: tested without a database.
import { articlePath, mediaPath } from '@/lib/articles/urls';
import { isPublicArticle } from '@/lib/articles/public';
import { storedBody } from '@/lib/articles/stored-fields';
import { config } from '@/lib/config';
import { z } from 'zod';
import type { ArticleCard, ArticleView, CropName, MediaCrop, MediaView, RelatedLinkView } from '@/lib/articles/types';
import type { ArticleRow, CardRow, MediaRow } from '@/lib/articles/select';
import type { BylineEntry } from '@/lib/contributors/types';

const storedCrop = z.object({ path: z.string().min(1), width: z.number().int().positive(), height: z.number().int().positive() });
const storedCrops = z.object({ crops: z.partialRecord(z.enum(['16x9', '4x3', '1x1']), storedCrop) });

/** The crops listed in Media.renditions (JSON written by lib/media/renditions.ts); anything that does
 * not parse is treated as no crops rather than breaking the page. */
export function toCrops(renditions: unknown): Partial<Record<CropName, MediaCrop>> | null {
  const parsed = storedCrops.safeParse(renditions);
  if (!parsed.success) return null;
  const entries = Object.entries(parsed.data.crops).flatMap(([name, crop]) =>
    crop ? [[name, { url: mediaPath(crop.path), width: crop.width, height: crop.height }] as const] : [],
  );
  return entries.length ? Object.fromEntries(entries) : null;
}

export function toMediaView(media: MediaRow | null | undefined): MediaView | null {
  if (!media) return null;
  return {
    id: media.id,
    kind: media.kind,
    url: mediaPath(media.path),
    mimeType: media.mimeType,
    width: media.width,
    height: media.height,
    alt: media.alt,
    caption: media.caption,
    credit: media.credit,
    posterUrl: media.poster ? mediaPath(media.poster.path) : null,
    posterWidth: media.poster?.width ?? null,
    posterHeight: media.poster?.height ?? null,
    durationSeconds: media.durationSeconds,
    // A video's crops are its poster's: what stands for it in cards and NewsArticle images.
    crops: toCrops(media.kind === 'video' ? media.poster?.renditions : media.renditions),
  };
}

const iso = (date: Date | null | undefined, fallback: Date): string => (date ?? fallback).toISOString();

export function toArticleCard(row: CardRow): ArticleCard {
  const published = row.publishedAt ?? row.updatedAt;
  return {
    id: row.id,
    path: articlePath(row),
    slug: row.slug,
    kicker: row.kicker,
    headline: row.headline,
    standfirst: row.standfirst,
    contentType: row.contentType,
    publishedAt: iso(row.publishedAt, row.updatedAt),
    modifiedAt: iso(row.modifiedAt, published),
    section: { slug: row.section.slug, name: row.section.name },
    media: toMediaView(row.leadMedia),
  };
}

type RelatedRow = ArticleRow['relatedLinks'][number];

export function isWebUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/** A related link shows when it points outside or at a public article; a link to an article that
 * is not (or not yet, or no longer) public is left out rather than leading readers to a 404. */
export function toRelatedLinkView(link: RelatedRow): RelatedLinkView | null {
  const target = link.targetArticle;
  if (target) {
    if (!isPublicArticle(target)) return null;
    return {
      id: link.id,
      href: articlePath(target),
      external: false,
      kicker: link.kicker || target.kicker,
      title: link.title || target.headline,
      contentType: target.contentType,
      media: toMediaView(link.media ?? target.leadMedia),
    };
  }
  // Only web links reach a page, whatever was stored: no javascript:, data: or relative tricks.
  if (!link.url || !isWebUrl(link.url)) return null;
  return {
    id: link.id,
    href: link.url,
    external: true,
    kicker: link.kicker,
    title: link.title,
    contentType: link.contentType,
    media: toMediaView(link.media),
  };
}

/** `byline` apart: the newsroom reads it with the row, the public page through the data cache. */
export function toArticleView(row: Omit<ArticleRow, 'contributors'>, byline: BylineEntry[]): ArticleView {
  return {
    ...toArticleCard(row),
    legacyId: row.legacyId,
    body: storedBody(row.body),
    bodyText: row.bodyText,
    wordCount: row.wordCount,
    language: row.language || config.SITE_LANGUAGE,
    byline,
    sourceCredit: row.sourceCredit,
    tags: row.tags.map(({ tag }) => ({ slug: tag.slug, name: tag.name })),
    related: row.relatedLinks.map(toRelatedLinkView).filter((link): link is RelatedLinkView => link !== null),
    corrections: row.corrections.map((correction) => ({
      id: correction.id,
      note: correction.note,
      createdAt: correction.createdAt.toISOString(),
    })),
  };
}
