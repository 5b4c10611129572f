// What a feed lists: the newest public articles of the site, a section or a tag. Plain values with ISO
// dates, so Next's data cache can keep them (lib/feeds/cached.ts).
import { config } from '@/lib/config';
import { db } from '@/lib/db/client';
import type { Prisma } from '@/lib/generated/prisma/client';
import { articlePath, authorPath, mediaPath, sectionPath, tagPath } from '@/lib/articles/urls';
import { publicBound } from '@/lib/articles/public';
import { readScopedArticles, type ArticleScope } from '@/lib/articles/scope';
import type { FeedScope } from '@/lib/feeds/urls';
import type { BodyDocument } from '@/lib/articles/body/schema';
import { storedBody } from '@/lib/articles/stored-fields';
import type { BodyReferences } from '@/lib/articles/body/references';
import { readBodyReferences } from '@/lib/articles/body-cards';

/** Items per feed: a day or two of a busy newsroom; readers poll often. */
export const feedSize = 50;

export type FeedAuthor = { name: string; path: string };
export type FeedEnclosure = { path: string; mimeType: string; bytes: number | null };
export type FeedItem = {
  id: number;
  path: string;
  headline: string;
  standfirst: string;
  /** The body's blocks (lib/feeds/body-html.ts writes them as HTML). */
  body: BodyDocument;
  /** The byline's contributors in order: each is an RSS dc:creator and an Atom <author>. */
  authors: FeedAuthor[];
  publishedAt: string;
  modifiedAt: string;
  section: { slug: string; name: string };
  tags: { slug: string; name: string }[];
  image: FeedEnclosure | null;
  video: (FeedEnclosure & { durationSeconds: number | null }) | null;
};
export type FeedData = {
  title: string;
  description: string;
  pagePath: string;
  items: FeedItem[];
  /** What the items' bodies name (pictures, videos, article cards), loaded for all items at once. */
  references: BodyReferences;
};

const feedSelect = {
  id: true,
  slug: true,
  headline: true,
  standfirst: true,
  body: true,
  contributors: { orderBy: { position: 'asc' }, select: { contributor: { select: { name: true, slug: true } } } },
  contentType: true,
  publishedAt: true,
  modifiedAt: true,
  section: { select: { slug: true, name: true } },
  tags: { orderBy: { position: 'asc' }, select: { tag: { select: { slug: true, name: true } } } },
  leadMedia: {
    select: {
      kind: true,
      path: true,
      mimeType: true,
      bytes: true,
      durationSeconds: true,
      poster: { select: { path: true, mimeType: true, bytes: true } },
    },
  },
} satisfies Prisma.ArticleSelect;

type FeedRow = Prisma.ArticleGetPayload<{ select: typeof feedSelect }>;

function feedItem(row: FeedRow): FeedItem {
  const media = row.leadMedia;
  const enclosure = (file: { path: string; mimeType: string; bytes: number | null }): FeedEnclosure => ({
    path: mediaPath(file.path),
    mimeType: file.mimeType,
    bytes: file.bytes,
  });
  const publishedAt = row.publishedAt!.toISOString();
  return {
    id: row.id,
    path: articlePath(row),
    headline: row.headline,
    standfirst: row.standfirst,
    body: storedBody(row.body),
    authors: row.contributors.map(({ contributor }) => ({ name: contributor.name, path: authorPath(contributor.slug) })),
    publishedAt,
    modifiedAt: row.modifiedAt && row.modifiedAt > row.publishedAt! ? row.modifiedAt.toISOString() : publishedAt,
    section: row.section,
    tags: row.tags.map(({ tag }) => tag),
    image: media?.kind === 'image' ? enclosure(media) : media?.poster ? enclosure(media.poster) : null,
    video: media?.kind === 'video' ? { ...enclosure(media), durationSeconds: media.durationSeconds } : null,
  };
}

async function newestArticles(scope: ArticleScope, now: Date): Promise<{ items: FeedItem[]; references: BodyReferences }> {
  const rows = await readScopedArticles(scope, { publishedAt: { lte: publicBound(now) }, order: 'desc', take: feedSize }, feedSelect);
  const items = rows.map(feedItem);
  // One media query and one article query for every body of the feed.
  return { items, references: await readBodyReferences(items.map((item) => item.body)) };
}

/** The feed's title, page and items; null when the section or tag does not exist (the route 404s). */
export async function loadFeed(scope: FeedScope, now: Date = new Date()): Promise<FeedData | null> {
  switch (scope.kind) {
    case 'site':
      return { title: config.SITE_NAME, description: config.SITE_DESCRIPTION, pagePath: '/', ...(await newestArticles({ site: true }, now)) };
    case 'section': {
      const section = await db.section.findUnique({ where: { slug: scope.slug }, select: { id: true, name: true, description: true } });
      if (!section) return null;
      return {
        title: `${config.SITE_NAME}: ${section.name}`,
        description: section.description || `The latest ${section.name} news from ${config.SITE_NAME}.`,
        pagePath: sectionPath(scope.slug),
        ...(await newestArticles({ sectionId: section.id }, now)),
      };
    }
    case 'tag': {
      const tag = await db.tag.findUnique({ where: { slug: scope.slug }, select: { id: true, name: true } });
      if (!tag) return null;
      return {
        title: `${config.SITE_NAME}: ${tag.name}`,
        description: `News about ${tag.name} from ${config.SITE_NAME}.`,
        pagePath: tagPath(scope.slug),
        ...(await newestArticles({ tagId: tag.id }, now)),
      };
    }
    case 'author': {
      const contributor = await db.contributor.findUnique({ where: { slug: scope.slug }, select: { id: true, name: true, jobTitle: true } });
      if (!contributor) return null;
      return {
        title: `${config.SITE_NAME}: ${contributor.name}`,
        description: `Stories by ${contributor.name}${contributor.jobTitle ? `, ${contributor.jobTitle}` : ''}, on ${config.SITE_NAME}.`,
        pagePath: authorPath(scope.slug),
        ...(await newestArticles({ contributorId: contributor.id }, now)),
      };
    }
  }
}
