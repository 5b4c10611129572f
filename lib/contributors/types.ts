// The contributors' read model: what pages and feeds get. Plain, serialisable values.
import type { ArticlePage, MediaView } from '@/lib/articles/types';

/** One name of a byline, as the article page, JSON-LD and feeds show it. */
export type BylineEntry = {
  id: number;
  slug: string;
  name: string;
  jobTitle: string;
  /** The author page (/author/{slug}). */
  path: string;
  photo: MediaView | null;
  /** Profile links (website, X, Mastodon, Bluesky) in that order: schema.org sameAs. */
  sameAs: string[];
};

export type ContributorProfile = BylineEntry & {
  bio: string;
  links: { kind: 'website' | 'x' | 'mastodon' | 'bluesky'; label: string; url: string }[];
  retired: boolean;
  /** Newest change to the profile or its newest article, ISO: sitemaps' lastmod. */
  updatedAt: string;
};

export type AuthorPage = { contributor: ContributorProfile; page: ArticlePage };
