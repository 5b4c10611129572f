// The read model: what public pages get from lib/ and hand to components. Plain, serialisable
// values (dates as ISO strings) because Next's data cache stores them as JSON.
import type { BodyDocument } from '@/lib/articles/body/schema';
import type { BylineEntry } from '@/lib/contributors/types';

export type MediaView = {
  id: number;
  kind: 'image' | 'video';
  /** Public URL of the file (/media/...). */
  url: string;
  mimeType: string;
  width: number | null;
  height: number | null;
  alt: string;
  caption: string;
  credit: string;
  /** For video: the poster image's URL and size. */
  posterUrl: string | null;
  posterWidth: number | null;
  posterHeight: number | null;
  durationSeconds: number | null;
  /** Crops made at upload (lib/media/renditions.ts) for cards and crawlers; null when none exist. */
  crops: Partial<Record<CropName, MediaCrop>> | null;
};

export type CropName = '16x9' | '4x3' | '1x1';
export type MediaCrop = { url: string; width: number; height: number };

export type SectionRef = { slug: string; name: string };
export type TagRef = { slug: string; name: string };

export type ArticleCard = {
  id: number;
  /** Canonical path (/{section}/{slug}). */
  path: string;
  slug: string;
  kicker: string;
  headline: string;
  standfirst: string;
  contentType: 'text' | 'video';
  publishedAt: string;
  modifiedAt: string;
  section: SectionRef;
  media: MediaView | null;
};

export type RelatedLinkView = {
  id: number;
  /** Where the card links: an article's canonical path or an external URL. */
  href: string;
  external: boolean;
  kicker: string;
  title: string;
  contentType: 'text' | 'video';
  media: MediaView | null;
};

export type CorrectionView = { id: number; note: string; createdAt: string };

export type ArticleView = ArticleCard & {
  legacyId: string | null;
  /** The story as typed blocks (lib/articles/body/schema.ts): components/article/ renders them. */
  body: BodyDocument;
  bodyText: string;
  /** Words in the body (Intl.Segmenter: any script), for reading time and JSON-LD. */
  wordCount: number;
  /** The article's language, BCP 47: its own, else the site's SITE_LANGUAGE. */
  language: string;
  /** Its contributors in byline order (empty: the newsroom's own copy, or agency copy credited by sourceCredit). */
  byline: BylineEntry[];
  sourceCredit: string;
  tags: TagRef[];
  related: RelatedLinkView[];
  corrections: CorrectionView[];
};

/** One page of a keyset-paginated list; cursors are opaque strings for /older/ and /newer/ URLs. */
export type ArticlePage = {
  articles: ArticleCard[];
  olderCursor: string | null;
  newerCursor: string | null;
};
