// The pages after the first of section and tag fronts, going older or newer from a cursor: four
// routes, one behaviour, differing only in the list they page through and the direction. (A private
// folder: Next does not route "_routes".)
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getSectionFront, getTagFront, type PageDirection } from '@/lib/articles/queries';
import { validSlug } from '@/lib/articles/params';
import { newerPath, olderPath, sectionPath, tagPath } from '@/lib/articles/urls';
import { notFoundMetadata, sectionMetadata, tagMetadata } from '@/lib/seo/metadata';
import type { ArticlePage } from '@/lib/articles/types';
import { ArticleListPage } from '@/components/front/ArticleListPage';

type Params = Promise<{ section?: string; tag?: string; cursor: string }>;
type ListPage = { title: string; basePath: string; page: ArticlePage; metadata: Metadata; retired?: boolean };

const pathFor = (direction: PageDirection) => (direction === 'older' ? olderPath : newerPath);

async function load(list: 'section' | 'tag', direction: PageDirection, params: Params): Promise<ListPage | null> {
  const { section, tag, cursor } = await params;
  const slug = validSlug((list === 'section' ? section : tag) ?? '');
  if (!slug) return null;
  if (list === 'section') {
    const front = await getSectionFront(slug, cursor, direction);
    if (!front || front.page.articles.length === 0) return null;
    const basePath = sectionPath(front.section.slug);
    return { title: front.section.name, basePath, page: front.page, retired: front.section.retired, metadata: sectionMetadata(front.section, { path: pathFor(direction)(basePath, cursor) }) };
  }
  const front = await getTagFront(slug, cursor, direction);
  if (!front || front.page.articles.length === 0) return null;
  const basePath = tagPath(front.tag.slug);
  return { title: `Topic: ${front.tag.name}`, basePath, page: front.page, metadata: tagMetadata(front.tag, { path: pathFor(direction)(basePath, cursor) }) };
}

export function pagedListRoute(list: 'section' | 'tag', direction: PageDirection) {
  return {
    async generateMetadata({ params }: { params: Params }): Promise<Metadata> {
      return (await load(list, direction, params))?.metadata ?? notFoundMetadata();
    },
    async Page({ params }: { params: Params }) {
      const listed = await load(list, direction, params);
      if (!listed) notFound();
      return <ArticleListPage title={listed.title} basePath={listed.basePath} page={listed.page} isFirstPage={false} retired={listed.retired} />;
    },
  };
}
