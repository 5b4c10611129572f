import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTagFront } from '@/lib/articles/queries';
import { validSlug } from '@/lib/articles/params';
import { olderPath, tagPath } from '@/lib/articles/urls';
import { ArticleListPage } from '@/components/front/ArticleListPage';
import { notFoundMetadata, tagMetadata } from '@/lib/seo/metadata';

type Props = { params: Promise<{ tag: string; cursor: string }> };

export function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { tag, cursor } = await params;
  const slug = validSlug(tag);
  const front = slug ? await getTagFront(slug, cursor, 'older') : null;
  if (!front || front.page.articles.length === 0) return notFoundMetadata();
  return tagMetadata(front.tag, { path: olderPath(tagPath(front.tag.slug), cursor) });
}

export default async function OlderTagPage({ params }: Props) {
  const { tag, cursor } = await params;
  const slug = validSlug(tag);
  const front = slug ? await getTagFront(slug, cursor, 'older') : null;
  if (!front || front.page.articles.length === 0) notFound();
  return <ArticleListPage title={`Topic: ${front.tag.name}`} basePath={tagPath(front.tag.slug)} page={front.page} isFirstPage={false} />;
}
