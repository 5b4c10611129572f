// What a front shows, as a pure function: the pinned slots that are public, in the editor's order
// (with their front-only headline and picture), then the newest public articles not already pinned,
// up to the front's size. Pure so that the rule is tested alone (compose.test.ts); the loaders
// (lib/fronts/queries.ts) feed it rows read in one query each.
import type { ArticleCard, MediaView } from '@/lib/articles/types';
import { isPublicArticle } from '@/lib/articles/public';

/** One pinned slot as loaded: its article (null when deleted) with what the public rule needs. */
export type PinnedCandidate = {
  position: number;
  article: (ArticleCard & { status: string; publishedAtDate: Date | null }) | null;
  headline: string;
  media: MediaView | null;
};

export type FrontStory = ArticleCard & { pinned: boolean };

export type ComposeOptions = {
  /** How many stories the front shows in all (pinned and automatic). */
  size: number;
  now?: Date;
  /** With nothing pinned, the lead is the newest story with a picture (a front page opens on an image). */
  automaticLeadWantsPicture?: boolean;
};

export function composeFront(pinned: readonly PinnedCandidate[], newest: readonly ArticleCard[], options: ComposeOptions): FrontStory[] {
  const now = options.now ?? new Date();
  const shown: FrontStory[] = [];
  const taken = new Set<number>();
  for (const slot of [...pinned].sort((a, b) => a.position - b.position)) {
    const article = slot.article;
    // An unpublished, scheduled-back or deleted article drops out; the slots after it move up.
    if (!article || taken.has(article.id) || !isPublicArticle({ status: article.status, publishedAt: article.publishedAtDate }, now)) continue;
    const { status: _status, publishedAtDate: _at, ...card } = article;
    shown.push({ ...card, headline: slot.headline || card.headline, media: slot.media ?? card.media, pinned: true });
    taken.add(article.id);
    if (shown.length >= options.size) return shown;
  }
  const automatic = newest.filter((card) => !taken.has(card.id) && (taken.add(card.id), true)).map((card) => ({ ...card, pinned: false }));
  if (shown.length === 0 && options.automaticLeadWantsPicture) {
    const withPicture = automatic.findIndex((card) => card.media);
    if (withPicture > 0) automatic.unshift(...automatic.splice(withPicture, 1));
  }
  return [...shown, ...automatic].slice(0, options.size);
}

/** Why a saved slot is not on the public front (null: it is), as the newsroom's page says it. */
export function slotProblem(article: { status: string; publishedAt: Date | null } | null, now: Date = new Date()): string | null {
  if (!article) return 'the article was deleted';
  if (isPublicArticle(article, now)) return null;
  switch (article.status) {
    case 'unpublished': return 'the article was unpublished';
    case 'scheduled': return 'the article is scheduled, not yet published';
    case 'draft': return 'the article is a draft';
    default: return 'the article is not yet public';
  }
}
