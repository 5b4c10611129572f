import type { Metadata } from 'next';
import Link from 'next/link';
import { ArticleFilters } from '@/components/admin/ArticleFilters';
import { ArticleTable } from '@/components/admin/ArticleTable';
import { Notice } from '@/components/admin/Notice';
import { Pager } from '@/components/admin/Pager';
import { articleListParams, articleStatuses, authorOptions, listArticlesForAdmin, sectionOptions } from '@/lib/articles/admin-queries';
import { requirePageUser } from '@/lib/auth/current';
import { config } from '@/lib/config';
import { outcomeParams, parseSearchParams, type SearchParams } from '@/lib/forms/search-params';

export const metadata: Metadata = { title: 'Articles' };

type Props = { searchParams: Promise<SearchParams> };

export default async function ArticlesPage({ searchParams }: Props) {
  const user = await requirePageUser();
  const raw = await searchParams;
  const { notice, error, ...params } = parseSearchParams(articleListParams.extend(outcomeParams), raw);
  const [list, sections, authors] = await Promise.all([listArticlesForAdmin(params, user), sectionOptions(), authorOptions()]);
  return (
    <>
      <div className="mb-4 flex items-center justify-between">
        <h1 className="font-serif text-3xl font-bold">Articles</h1>
        <Link href="/admin/articles/new" className="rounded bg-accent px-4 py-2 text-sm font-semibold text-white">New article</Link>
      </div>
      <Notice notice={notice} error={error} />
      <ArticleFilters values={params} sections={sections} authors={authors} statuses={articleStatuses} />
      <p className="mb-2 text-sm" role="status">{list.total} article{list.total === 1 ? '' : 's'}</p>
      <ArticleTable rows={list.rows} timeZone={config.SITE_TIMEZONE} />
      <Pager page={list.page} pageCount={list.pageCount} basePath="/admin/articles" query={{ status: params.status, section: params.section?.toString(), author: params.author?.toString(), q: params.q }} />
    </>
  );
}
