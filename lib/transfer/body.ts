// An article's body in an export (format version 3): the BodyDocument with its references to other
// records by natural key, never by database id, like every record of the file. A picture or video
// block names its media by path (`media`, in place of `mediaId`), an article card names its article
// by slug (`article`, in place of `articleId`). Version 2 files hold HTML bodies (read into blocks by
// lib/articles/body/from-html.ts).
import { z } from 'zod';
import type { Block, BodyDocument } from '@/lib/articles/body/schema';
import { bodyFormatVersion } from '@/lib/articles/body/schema';
import { mediaPathSchema } from '@/lib/media/media-path';

/** A block as a file holds it: any fields (the body schema checks them once the keys are ids again). */
const fileBlock = z.looseObject({ type: z.string() });
export const transferBodySchema = z.strictObject({ version: z.literal(bodyFormatVersion), blocks: z.array(fileBlock).max(10_000) });
export type TransferBody = z.infer<typeof transferBodySchema>;

/** The ids a body refers to, for the exporter to look up their keys in one query each. */
export function bodyReferences(body: BodyDocument): { mediaIds: number[]; articleIds: number[] } {
  const mediaIds = new Set<number>();
  const articleIds = new Set<number>();
  for (const block of body.blocks) {
    if (block.type === 'picture' || block.type === 'video') mediaIds.add(block.mediaId);
    if (block.type === 'articleCard') articleIds.add(block.articleId);
  }
  return { mediaIds: [...mediaIds], articleIds: [...articleIds] };
}

/** Ids → keys for the file. A reference to a row that no longer exists is written as null (the importer says so). */
export function toTransferBody(body: BodyDocument, keys: { mediaPath: Map<number, string>; articleSlug: Map<number, string> }): TransferBody {
  return {
    version: body.version,
    blocks: body.blocks.map((block) => {
      if (block.type === 'picture' || block.type === 'video') {
        const { mediaId, ...rest } = block;
        return { ...rest, media: keys.mediaPath.get(mediaId) ?? null };
      }
      if (block.type === 'articleCard') {
        const { articleId, ...rest } = block;
        return { ...rest, article: keys.articleSlug.get(articleId) ?? null };
      }
      return block;
    }),
  };
}

export type KeyResolver = { media: (path: string) => Promise<number | null>; article: (slug: string) => Promise<number | null> };

/**
 * Keys → ids. A media path that resolves nowhere is an error (media come before articles in a file);
 * an article card whose article is not known yet (it may come later in the file) is left out and
 * its slug returned in `pendingCards`, for the importer to put back once the file's articles are in.
 */
export async function fromTransferBody(body: TransferBody, resolve: KeyResolver): Promise<{ document: unknown; pendingCards: { index: number; slug: string }[] }> {
  const blocks: unknown[] = [];
  const pendingCards: { index: number; slug: string }[] = [];
  for (const [index, block] of body.blocks.entries()) {
    if (block.type === 'picture' || block.type === 'video') {
      const { media, ...rest } = block as { media?: unknown };
      const path = mediaPathSchema.safeParse(media);
      if (!path.success) throw new Error(`body block ${index + 1} (${block.type}) names no media path`);
      const mediaId = await resolve.media(path.data);
      if (mediaId === null) throw new Error(`body block ${index + 1} (${block.type}) refers to media "${path.data}", which is neither in the file before it nor in the database`);
      blocks.push({ ...rest, mediaId });
    } else if (block.type === 'articleCard') {
      const { article, ...rest } = block as { article?: unknown };
      if (typeof article !== 'string' || !article) throw new Error(`body block ${index + 1} (articleCard) names no article slug`);
      const articleId = await resolve.article(article);
      if (articleId === null) pendingCards.push({ index, slug: article });
      else blocks.push({ ...rest, articleId });
    } else blocks.push(block);
  }
  return { document: { version: body.version, blocks }, pendingCards };
}

/**
 * Puts back the cards left out by fromTransferBody in their places (`index`: the block's place in the
 * file's body), now that their articles have ids; a card whose article is still unknown (null) stays out.
 */
export function withCards(body: BodyDocument, cards: readonly { index: number; articleId: number | null }[]): BodyDocument {
  const blocks: Block[] = [...body.blocks];
  let missing = 0;
  for (const card of [...cards].sort((a, b) => a.index - b.index)) {
    if (card.articleId === null) missing += 1;
    else blocks.splice(card.index - missing, 0, { type: 'articleCard', articleId: card.articleId });
  }
  return { ...body, blocks };
}
