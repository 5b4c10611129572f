import type { Metadata } from 'next';
import { notFound, permanentRedirect } from 'next/navigation';
import { getPublishedArticle } from '@/lib/articles/queries';
import { validSlug } from '@/lib/articles/params';
import { findArticleRedirect } from '@/lib/articles/redirects';
import { ArticlePage } from '@/components/article/ArticlePage';
import { JsonLd } from '@/components/seo/JsonLd';
import { articleMetadata, notFoundMetadata } from '@/lib/seo/metadata';
import { articleCrumbs, articleJsonLd, breadcrumbJsonLd } from '@/lib/seo/jsonld';

type Props = { params: Promise<{ section: string; slug: string }> };

// Rendered on first request, then served from Next's cache; lib/cache/refresh.ts expires the path.
export function generateStaticParams() {
  return [];
}

async function load(params: Props['params']) {
  const { section, slug } = await params;
  const articleSlug = validSlug(slug);
  return { section, article: articleSlug && validSlug(section) ? await getPublishedArticle(articleSlug) : null };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { article } = await load(params);
  return article ? articleMetadata(article) : notFoundMetadata();
}

export default async function ArticleRoute({ params }: Props) {
  const { section, article } = await load(params);
  if (!article) {
    // An old slug, or the slug under another section path: one permanent redirect to the canonical URL.
    const { slug } = await params;
    const moved = validSlug(section) && validSlug(slug) ? await findArticleRedirect(section, slug) : null;
    if (moved) permanentRedirect(moved);
    notFound();
  }
  // One canonical URL: the same slug under another section path moves to the right one.
  if (article.section.slug !== section) permanentRedirect(article.path);
  return (
    <>
      <JsonLd data={[...articleJsonLd(article), breadcrumbJsonLd(articleCrumbs(article))]} />
      <ArticlePage article={article} />
    </>
  );
}
