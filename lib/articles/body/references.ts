// What a body names by id and the page must load: media for picture and video blocks, articles for
// article cards. Pure: the loaders (lib/media/body-media.ts, lib/articles/body-cards.ts) read them in
// one query each, and the renderers take the loaded values from here.
import type { ArticleCard, MediaView } from '@/lib/articles/types';
import type { BodyDocument } from '@/lib/articles/body/schema';

/** Loaded references, keyed by id. A missing key means "not there (or not public)": render nothing. */
export type BodyReferences = {
  media: Readonly<Record<number, MediaView>>;
  articles: Readonly<Record<number, ArticleCard>>;
};

export const noReferences: BodyReferences = { media: {}, articles: {} };

/** The media and article ids a body names, each once, in ascending order. */
export function bodyReferenceIds(bodies: BodyDocument | readonly BodyDocument[]): { mediaIds: number[]; articleIds: number[] } {
  const media = new Set<number>();
  const articles = new Set<number>();
  for (const body of Array.isArray(bodies) ? bodies : [bodies as BodyDocument]) {
    for (const block of body.blocks) {
      if (block.type === 'picture' || block.type === 'video') media.add(block.mediaId);
      else if (block.type === 'articleCard') articles.add(block.articleId);
    }
  }
  const sorted = (set: Set<number>) => [...set].sort((a, b) => a - b);
  return { mediaIds: sorted(media), articleIds: sorted(articles) };
}
