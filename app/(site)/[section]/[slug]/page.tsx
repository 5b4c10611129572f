import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getPublishedArticle } from '@/lib/articles/queries';
import { loadBodyReferences } from '@/lib/articles/page-references';
import { findSectionAddress } from '@/lib/sections/queries';
import { validSlug } from '@/lib/articles/params';
import { ArticlePage } from '@/components/article/ArticlePage';
import { ViewBeacon } from '@/components/article/ViewBeacon';
import { MostRead } from '@/components/front/MostRead';
import { getMostRead } from '@/lib/audience/queries';
import { JsonLd } from '@/components/seo/JsonLd';
import { articleMetadata, notFoundMetadata } from '@/lib/seo/metadata';
import { articleCrumbs, articleJsonLd, breadcrumbJsonLd } from '@/lib/seo/jsonld';

type Props = { params: Promise<{ section: string; slug: string }> };

// Rendered on first request, then served from Next's cache; lib/cache/refresh.ts expires the path.
export function generateStaticParams() {
  return [];
}

/** The article at exactly this URL: the proxy's resolver answers old slugs and other section paths
 * with a 301, and missing articles with the 404 page, before this runs (docs/decisions/0004). */
async function load(params: Props['params']) {
  const { section, slug } = await params;
  const articleSlug = validSlug(slug);
  const article = articleSlug && validSlug(section) ? await getPublishedArticle(articleSlug) : null;
  if (!article || article.section.slug === section) return article;
  // The path's section renamed while this request was on its way (the proxy 301s it from now on):
  // rendered, not a 404.
  return (await findSectionAddress(section))?.slug === article.section.slug ? article : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const article = await load(params);
  return article ? articleMetadata(article) : notFoundMetadata();
}

export default async function ArticleRoute({ params }: Props) {
  const article = await load(params);
  // The second line, should the proxy not have run: a 404, never a page's own redirect (a 308 with,
  // on a first render, its Location header twice).
  if (!article) notFound();
  const [references, mostRead] = await Promise.all([loadBodyReferences(article.body), getMostRead()]);
  return (
    <>
      <JsonLd data={[...articleJsonLd(article, references), breadcrumbJsonLd(articleCrumbs(article))]} />
      <ArticlePage article={article} references={references} />
      <MostRead items={mostRead} />
      <ViewBeacon articleId={article.id} />
    </>
  );
}
