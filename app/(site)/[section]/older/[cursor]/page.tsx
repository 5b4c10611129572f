import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getSectionFront } from '@/lib/articles/queries';
import { validSlug } from '@/lib/articles/params';
import { olderPath, sectionPath } from '@/lib/articles/urls';
import { ArticleListPage } from '@/components/front/ArticleListPage';
import { notFoundMetadata, sectionMetadata } from '@/lib/seo/metadata';

type Props = { params: Promise<{ section: string; cursor: string }> };

export function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { section, cursor } = await params;
  const slug = validSlug(section);
  const front = slug ? await getSectionFront(slug, cursor, 'older') : null;
  if (!front || front.page.articles.length === 0) return notFoundMetadata();
  return sectionMetadata(front.section, { path: olderPath(sectionPath(front.section.slug), cursor) });
}

export default async function OlderSectionPage({ params }: Props) {
  const { section, cursor } = await params;
  const slug = validSlug(section);
  const front = slug ? await getSectionFront(slug, cursor, 'older') : null;
  if (!front || front.page.articles.length === 0) notFound();
  return <ArticleListPage title={front.section.name} basePath={sectionPath(front.section.slug)} page={front.page} isFirstPage={false} />;
}
