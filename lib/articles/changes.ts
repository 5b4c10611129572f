// What one article change touches on the public site, as lib/cache/refresh.ts needs it.
// Write paths describe the article before and after the write and refresh the union of both, so a
// move between sections, a new slug or a dropped tag expires the old pages as well as the new ones.
import { db } from '@/lib/db/client';
import { articlePath } from '@/lib/articles/urls';
import { monthKey } from '@/lib/sitemaps/urls';
import type { ArticleChange } from '@/lib/cache/refresh';
import type { Prisma } from '@/lib/generated/prisma/client';

export async function describeArticleChange(articleId: number, client: Prisma.TransactionClient = db): Promise<ArticleChange> {
  const article = await client.article.findUnique({
    where: { id: articleId },
    select: {
      slug: true,
      breakingUntil: true,
      // The sitemap index counts it in its month.
      publishedAt: true,
      section: { select: { slug: true } },
      tags: { select: { tag: { select: { slug: true } } } },
      oldSlugs: { select: { slug: true } },
      // Pages showing this article as a related link carry its headline and picture.
      linkedFrom: { select: { article: { select: { slug: true, status: true, section: { select: { slug: true } } } } } },
      // Fronts pinning it (lib/fronts): it leaves them at once when it leaves the public site.
      frontSlots: { select: { front: { select: { section: { select: { slug: true } } } } } },
      // The "most read" panel lists it: it leaves the panel at once too (lib/audience/most-read.ts).
      mostRead: { select: { rank: true } },
      // Its contributors' author pages list it.
      contributors: { select: { contributorId: true } },
    },
  });
  if (!article) return { articleId, sectionSlugs: [], tagSlugs: [], paths: [], fronts: [], contributorIds: [], months: [] };
  const paths = [
    articlePath(article),
    ...article.oldSlugs.map((old) => articlePath({ slug: old.slug, section: article.section })),
    ...article.linkedFrom.filter((link) => link.article.status === 'published').map((link) => articlePath(link.article)),
  ];
  return {
    articleId,
    sectionSlugs: [article.section.slug],
    tagSlugs: article.tags.map(({ tag }) => tag.slug),
    paths: [...new Set(paths)],
    breaking: article.breakingUntil !== null,
    fronts: [...new Set(article.frontSlots.map((slot) => slot.front.section?.slug ?? 'home'))],
    mostRead: article.mostRead !== null,
    contributorIds: article.contributors.map((link) => link.contributorId),
    months: article.publishedAt ? [monthKey(article.publishedAt)] : [],
  };
}

export function mergeArticleChanges(...changes: ArticleChange[]): ArticleChange {
  const [first] = changes;
  if (!first) throw new Error('mergeArticleChanges needs at least one change');
  return {
    articleId: first.articleId,
    sectionSlugs: [...new Set(changes.flatMap((change) => change.sectionSlugs))],
    tagSlugs: [...new Set(changes.flatMap((change) => change.tagSlugs))],
    paths: [...new Set(changes.flatMap((change) => change.paths ?? []))],
    breaking: changes.some((change) => change.breaking),
    fronts: [...new Set(changes.flatMap((change) => change.fronts ?? []))],
    mostRead: changes.some((change) => change.mostRead),
    contributorIds: [...new Set(changes.flatMap((change) => change.contributorIds ?? []))],
    months: [...new Set(changes.flatMap((change) => change.months ?? []))],
  };
}
