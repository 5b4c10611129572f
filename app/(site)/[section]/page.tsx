import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getSectionFront } from '@/lib/articles/queries';
import { validSlug } from '@/lib/articles/params';
import { sectionPath } from '@/lib/articles/urls';
import { ArticleListPage } from '@/components/front/ArticleListPage';
import { notFoundMetadata, sectionMetadata } from '@/lib/seo/metadata';

type Props = { params: Promise<{ section: string }> };

// Rendered on first request, then served from Next's cache until an article change expires it.
export function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const slug = validSlug((await params).section);
  const front = slug ? await getSectionFront(slug, null, 'older') : null;
  return front ? sectionMetadata(front.section) : notFoundMetadata();
}

export default async function SectionPage({ params }: Props) {
  const slug = validSlug((await params).section);
  const front = slug ? await getSectionFront(slug, null, 'older') : null;
  if (!front) notFound();
  return <ArticleListPage title={front.section.name} description={front.section.description} basePath={sectionPath(front.section.slug)} page={front.page} isFirstPage retired={front.section.retired} />;
}
