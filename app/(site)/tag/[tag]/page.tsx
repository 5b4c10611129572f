import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTagFront } from '@/lib/articles/queries';
import { validSlug } from '@/lib/articles/params';
import { tagPath } from '@/lib/articles/urls';
import { ArticleListPage } from '@/components/front/ArticleListPage';
import { notFoundMetadata, tagMetadata } from '@/lib/seo/metadata';

type Props = { params: Promise<{ tag: string }> };

export function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const slug = validSlug((await params).tag);
  const front = slug ? await getTagFront(slug, null, 'older') : null;
  return front ? tagMetadata(front.tag) : notFoundMetadata();
}

export default async function TagPage({ params }: Props) {
  const slug = validSlug((await params).tag);
  const front = slug ? await getTagFront(slug, null, 'older') : null;
  if (!front) notFound();
  return <ArticleListPage title={`Topic: ${front.tag.name}`} basePath={tagPath(front.tag.slug)} page={front.page} isFirstPage />;
}
