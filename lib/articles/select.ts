// Prisma selections the read model loads: one place, so every page asks for the same columns.
import type { Prisma } from '@/lib/generated/prisma/client';

export const mediaSelect = {
  id: true,
  kind: true,
  path: true,
  mimeType: true,
  width: true,
  height: true,
  alt: true,
  caption: true,
  credit: true,
  durationSeconds: true,
  renditions: true,
  // The poster's renditions are the video's crops (16:9, 4:3, 1:1), for cards and structured data.
  poster: { select: { path: true, width: true, height: true, renditions: true } },
} satisfies Prisma.MediaSelect;

export const cardSelect = {
  id: true,
  slug: true,
  kicker: true,
  headline: true,
  standfirst: true,
  contentType: true,
  publishedAt: true,
  modifiedAt: true,
  updatedAt: true,
  section: { select: { slug: true, name: true } },
  leadMedia: { select: mediaSelect },
} satisfies Prisma.ArticleSelect;

export const articleSelect = {
  ...cardSelect,
  legacyId: true,
  status: true,
  body: true,
  bodyText: true,
  wordCount: true,
  language: true,
  sourceCredit: true,
  // The byline: its contributors in order (lib/contributors/select.ts bylineSelect, written out here:
  // that module builds on this one).
  contributors: {
    orderBy: { position: 'asc' },
    select: {
      contributor: {
        select: { id: true, slug: true, name: true, jobTitle: true, website: true, x: true, mastodon: true, bluesky: true, photo: { select: mediaSelect } },
      },
    },
  },
  tags: { orderBy: { position: 'asc' }, select: { tag: { select: { slug: true, name: true } } } },
  corrections: { orderBy: { createdAt: 'asc' }, select: { id: true, note: true, createdAt: true } },
  relatedLinks: {
    orderBy: { position: 'asc' },
    select: {
      id: true,
      url: true,
      kicker: true,
      title: true,
      contentType: true,
      media: { select: mediaSelect },
      targetArticle: {
        select: {
          status: true,
          publishedAt: true,
          slug: true,
          kicker: true,
          headline: true,
          contentType: true,
          section: { select: { slug: true } },
          leadMedia: { select: mediaSelect },
        },
      },
    },
  },
} satisfies Prisma.ArticleSelect;

/** The public article page's selection, for the fewest queries per uncached render. Prisma sends
 * one query per nested relation, also when the level above it found no row (`IN (NULL)`), so:
 * - the byline comes from the data cache per contributor (lib/contributors/queries.ts loadByline):
 *   only the contributors' ids are read here, not the contributors, their photos and posters;
 * - the related links are only counted here (their ids); most articles have none, and their full
 *   selection (link media, target article, its section and picture: seven queries) is read
 *   afterwards only when there are some (lib/articles/queries.ts getPublishedArticle). */
export const publicArticleSelect = {
  ...articleSelect,
  contributors: { orderBy: { position: 'asc' }, select: { contributorId: true } },
  relatedLinks: { select: { id: true } },
} satisfies Prisma.ArticleSelect;

export type MediaRow = Prisma.MediaGetPayload<{ select: typeof mediaSelect }>;
export type CardRow = Prisma.ArticleGetPayload<{ select: typeof cardSelect }>;
export type ArticleRow = Prisma.ArticleGetPayload<{ select: typeof articleSelect }>;
export type PublicArticleRow = Prisma.ArticleGetPayload<{ select: typeof publicArticleSelect }>;
