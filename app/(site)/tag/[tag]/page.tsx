import { notFound } from 'next/navigation';
import { getTagFront } from '@/lib/articles/queries';
import { validSlug } from '@/lib/articles/params';
import { tagPath } from '@/lib/articles/urls';
import { ArticleListPage } from '@/components/front/ArticleListPage';

type Props = { params: Promise<{ tag: string }> };

export function generateStaticParams() {
  return [];
}

export default async function TagPage({ params }: Props) {
  const slug = validSlug((await params).tag);
  const front = slug ? await getTagFront(slug, null, 'older') : null;
  if (!front) notFound();
  return <ArticleListPage title={`Topic: ${front.tag.name}`} basePath={tagPath(front.tag.slug)} page={front.page} isFirstPage />;
}
