// The public read model: everything reader pages load about articles. Lists go through Next's data
// cache with tags (lib/cache/tags.ts) so a change expires exactly the lists it touches; the article
// page itself is cached by path (its URL is its key) and expired by lib/cache/refresh.ts.
import { unstable_cache } from 'next/cache';
import { cache } from 'react';
import { db } from '@/lib/db/client';
import { cacheTags } from '@/lib/cache/tags';
import { duringBuild } from '@/lib/build-phase';
import { articleSelect, cardSelect, publicArticleSelect } from '@/lib/articles/select';
import { toArticleCard, toArticleView } from '@/lib/articles/mappers';
import { encodeCursor, PAGE_SIZE, parseCursor, type Cursor } from '@/lib/articles/cursor';
import type { ArticleCard, ArticlePage, ArticleView } from '@/lib/articles/types';
import type { Prisma } from '@/lib/generated/prisma/client';
import { isPublicArticle, publicArticleWhere, publicBound } from '@/lib/articles/public';
import { readScopedArticles, type ArticleScope } from '@/lib/articles/scope';
import { frontKey, loadFrontStories, loadPinned, loadDraftPinned } from '@/lib/fronts/queries';
import { composeFront, type FrontStory } from '@/lib/fronts/compose';
import { loadByline } from '@/lib/contributors/queries';
import type { FrontSlotInput } from '@/lib/fronts/schema';

export type PageDirection = 'older' | 'newer';

/** One keyset page of public articles in a scope (the site, a section, a tag, a contributor).
 * `publishedAt <= t AND NOT (publishedAt = t AND id >= x)` lets the database seek straight to the
 * cursor in the scope's index instead of counting past earlier pages (lib/articles/scope.ts). */
export async function loadArticlePage(
  scope: ArticleScope,
  cursor: Cursor | null,
  direction: PageDirection,
  size: number = PAGE_SIZE,
): Promise<ArticlePage> {
  if (direction === 'newer' && cursor) {
    // Only the cursor bounds publishedAt here: a second bound (the public rule's `<= now`) makes
    // SQLite's planner leave the section's index (lib/articles/queries.test.ts sees the plan).
    // The rule is applied to the rows instead: read oldest first, anything dated ahead of now
    // comes last, so dropping it leaves the page's public rows in order.
    const rows = await readScopedArticles(
      scope,
      { publishedAt: { gte: cursor.publishedAt }, exclude: { publishedAt: cursor.publishedAt, id: { lte: cursor.id } }, order: 'asc', take: size + 1 },
      cardSelect,
    ).then((found) => found.filter((row) => isPublicArticle({ status: 'published', publishedAt: row.publishedAt })));
    const hasNewer = rows.length > size;
    const articles = rows.slice(0, size).reverse().map(toArticleCard);
    return {
      articles,
      newerCursor: hasNewer && articles[0] ? encodeCursor(articles[0]) : null,
      olderCursor: articles.length ? encodeCursor(articles[articles.length - 1]!) : null,
    };
  }
  const rows = await readScopedArticles(
    scope,
    {
      publishedAt: { lte: publicBound(new Date(), cursor?.publishedAt) },
      ...(cursor ? { exclude: { publishedAt: cursor.publishedAt, id: { gte: cursor.id } } } : {}),
      order: 'desc',
      take: size + 1,
    },
    cardSelect,
  );
  const hasOlder = rows.length > size;
  const articles = rows.slice(0, size).map(toArticleCard);
  return {
    articles,
    olderCursor: hasOlder && articles.length ? encodeCursor(articles[articles.length - 1]!) : null,
    newerCursor: cursor && articles[0] ? encodeCursor(articles[0]) : null,
  };
}

export type SectionFront = {
  section: { id: number; slug: string; name: string; description: string; retired: boolean };
  /** The front's pinned stories that are public, in the editor's order (first page only). */
  pinned: FrontStory[];
  /** The newest articles, without the pinned ones on the first page. */
  page: ArticlePage;
};

/** A section front's first page or one of its older/newer pages, uncached: the preview passes the
 * unsaved arrangement (`draft`). */
export async function loadSectionFront(slug: string, cursorValue: string | null, direction: PageDirection, draft?: readonly FrontSlotInput[]): Promise<SectionFront | null> {
  const cursor = cursorValue === null ? null : parseCursor(cursorValue);
  if (cursorValue !== null && !cursor) return null;
  const section = await db.section.findFirst({ where: { OR: [{ slug }, { oldSlugs: { some: { slug } } }] }, select: { id: true, slug: true, name: true, description: true, retiredAt: true } });
  if (!section) return null;
  const { retiredAt, ...rest } = section;
  const page = await loadArticlePage({ sectionId: section.id }, cursor, direction);
  if (cursorValue !== null) return { section: { ...rest, retired: retiredAt !== null }, pinned: [], page };
  // Pinned slots first (any section's articles), then the page of newest without them: no story twice.
  const candidates = draft ? await loadDraftPinned(draft) : await loadPinned(frontKey(section.id));
  const pinned = composeFront(candidates, [], { size: candidates.length });
  const shown = new Set(pinned.map((story) => story.id));
  return { section: { ...rest, retired: retiredAt !== null }, pinned, page: { ...page, articles: page.articles.filter((article) => !shown.has(article.id)) } };
}

/** A section front or one of its older/newer pages; null when the section does not exist or the
 * cursor is malformed (the route answers 404). A slug the section had before a rename finds it too:
 * the proxy answers such a path with a 301, but a request it let through a moment before the rename
 * committed is rendered, not answered 404. */
export function getSectionFront(slug: string, cursorValue: string | null, direction: PageDirection): Promise<SectionFront | null> {
  return unstable_cache(
    () => loadSectionFront(slug, cursorValue, direction),
    ['section-front', slug, cursorValue ?? '', direction],
    { tags: [cacheTags.section(slug), cacheTags.front(slug)] },
  )();
}

export type TagFront = { tag: { id: number; slug: string; name: string }; page: ArticlePage };

export function getTagFront(slug: string, cursorValue: string | null, direction: PageDirection): Promise<TagFront | null> {
  return unstable_cache(
    async (): Promise<TagFront | null> => {
      const cursor = cursorValue === null ? null : parseCursor(cursorValue);
      if (cursorValue !== null && !cursor) return null;
      const tag = await db.tag.findUnique({ where: { slug }, select: { id: true, slug: true, name: true } });
      if (!tag) return null;
      return { tag, page: await loadArticlePage({ tagId: tag.id }, cursor, direction) };
    },
    ['tag-front', slug, cursorValue ?? '', direction],
    { tags: [cacheTags.tag(slug)] },
  )();
}

export type HomeFront = {
  /** The lead: the first pinned slot, or (nothing pinned) the newest story with a picture. */
  lead: FrontStory | null;
  /** The top stories beside the lead (the next pinned slots, then the newest). */
  top: FrontStory[];
  latest: FrontStory[];
  sections: { slug: string; name: string; articles: ArticleCard[] }[];
};

/** Top stories beside the lead: with it, above the fold on a laptop (docs/newsroom.md). */
export const HOME_TOP_COUNT = 4;
const LATEST_COUNT = 8;
const SECTION_BLOCK_COUNT = 4;

/** The home page's lists, uncached: the preview passes the unsaved arrangement (`draft`). */
export async function loadHomeFront(draft?: readonly FrontSlotInput[]): Promise<HomeFront> {
  const visible = publicArticleWhere();
  const stories = await loadFrontStories({ sectionId: null }, 1 + HOME_TOP_COUNT + LATEST_COUNT, draft);
  // Retired sections have no block (their articles still appear among the newest).
  const sections = await db.section.findMany({ where: { retiredAt: null }, orderBy: [{ position: 'asc' }, { name: 'asc' }], select: { id: true, slug: true, name: true } });
  const blocks = await Promise.all(
    sections.map(async (section) => ({
      slug: section.slug,
      name: section.name,
      articles: (
        await db.article.findMany({
          where: { ...visible, sectionId: section.id },
          orderBy: [{ publishedAt: 'desc' }, { id: 'desc' }],
          take: SECTION_BLOCK_COUNT,
          select: cardSelect,
        })
      ).map(toArticleCard),
    })),
  );
  return {
    lead: stories[0] ?? null,
    top: stories.slice(1, 1 + HOME_TOP_COUNT),
    latest: stories.slice(1 + HOME_TOP_COUNT),
    sections: blocks.filter((block) => block.articles.length > 0),
  };
}

export function getHomeFront(): Promise<HomeFront> {
  if (duringBuild()) return Promise.resolve({ lead: null, top: [], latest: [], sections: [] });
  return unstable_cache(() => loadHomeFront(), ['home-front'], { tags: [cacheTags.home, cacheTags.front('home')] })();
}

/** The article at /{section}/{slug}, when it is public (lib/articles/public.ts). Not wrapped in the data cache: the page
 * is cached by its path, and lib/cache/refresh.ts expires that path. React's cache() makes the
 * page's metadata and its body share one query per render. */
export const getPublishedArticle = cache(async (slug: string): Promise<ArticleView | null> => {
  const row = await db.article.findUnique({ where: { slug }, select: publicArticleSelect });
  if (!row || !isPublicArticle(row)) return null;
  // The byline through the data cache, tagged per contributor: a profile edit (a name, a photo)
  // expires every page that shows it, without listing those pages (lib/contributors/queries.ts).
  // The related links' full selection only when the article has some (lib/articles/select.ts says why).
  const { relatedLinks } = articleSelect;
  const [byline, related] = await Promise.all([
    loadByline(row.contributors.map(({ contributorId }) => contributorId)),
    row.relatedLinks.length ? db.relatedLink.findMany({ where: { articleId: row.id }, orderBy: relatedLinks.orderBy, select: relatedLinks.select }) : [],
  ]);
  return toArticleView({ ...row, relatedLinks: related }, byline);
});

