import type { Metadata } from 'next';
import Link from 'next/link';
import { z } from 'zod';
import { restoreContributorAction, retireContributorAction } from '@/app/admin/actions/contributors';
import { Forbidden } from '@/components/admin/Forbidden';
import { Notice } from '@/components/admin/Notice';
import { Pager } from '@/components/admin/Pager';
import { requirePageUser } from '@/lib/auth/current';
import { can } from '@/lib/auth/roles';
import { contributorListParams } from '@/lib/contributors/schema';
import { contributorPageSize, listContributors } from '@/lib/contributors/queries';
import { outcomeQuery, parseSearchParams, type SearchParams } from '@/lib/forms/search-params';

export const metadata: Metadata = { title: 'Contributors' };

type Props = { searchParams: Promise<SearchParams> };

const listQuery = z.object({ ...contributorListParams.shape, ...outcomeQuery.shape });

export default async function ContributorsPage({ searchParams }: Props) {
  const user = await requirePageUser();
  if (!can(user.role, 'contributors.manage')) return <Forbidden what="Editors and admins manage contributors." />;
  const query = parseSearchParams(listQuery, await searchParams);
  const retired = query.retired === '1';
  const { rows, total } = await listContributors({ q: query.q, page: query.page, retired });
  const button = 'rounded border border-gray-500 px-2 py-1 text-xs';
  return (
    <>
      <div className="mb-4 flex flex-wrap items-baseline gap-x-4">
        <h1 className="font-serif text-3xl font-bold">Contributors</h1>
        <Link href="/admin/contributors/new" className="text-blue-800 underline">Add a contributor</Link>
        <Link href={retired ? '/admin/contributors' : '/admin/contributors?retired=1'} className="text-blue-800 underline">{retired ? 'Show active' : 'Show retired'}</Link>
      </div>
      <Notice notice={query.notice} error={query.error} />
      <form method="get" role="search" aria-label="Find contributors" className="mb-4 flex gap-2">
        <label htmlFor="contributor-q" className="sr-only">Name or slug</label>
        <input id="contributor-q" name="q" type="search" defaultValue={query.q} placeholder="Name or slug" className="rounded border border-gray-500 px-3 py-2" />
        {retired ? <input type="hidden" name="retired" value="1" /> : null}
        <button type="submit" className="rounded border border-gray-500 px-3 py-2">Search</button>
      </form>
      {rows.length ? (
        <table className="w-full text-left text-sm" data-testid="contributor-table">
          <caption className="sr-only">{retired ? 'Retired contributors' : 'Contributors'}, {total} in all</caption>
          <thead>
            <tr className="border-b border-gray-400">
              <th scope="col" className="py-2">Name</th>
              <th scope="col">Job title</th>
              <th scope="col">Articles</th>
              <th scope="col">Account</th>
              <th scope="col"><span className="sr-only">Actions</span></th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id} className="border-b border-gray-200">
                <td className="py-2" dir="auto"><Link href={`/admin/contributors/${row.id}`} className="text-blue-800 underline">{row.name}</Link></td>
                <td dir="auto">{row.jobTitle}</td>
                <td>{row.articles}</td>
                <td>{row.account ?? '—'}</td>
                <td>
                  <form action={row.retired ? restoreContributorAction : retireContributorAction}>
                    <input type="hidden" name="id" value={row.id} />
                    <button type="submit" className={button} aria-label={`${row.retired ? 'Restore' : 'Retire'}: ${row.name}`}>{row.retired ? 'Restore' : 'Retire'}</button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p role="status">{query.q ? 'No contributor matches.' : retired ? 'No retired contributor.' : 'No contributor yet.'}</p>
      )}
      <Pager page={query.page} pageCount={Math.ceil(total / contributorPageSize)} basePath="/admin/contributors" query={{ q: query.q || undefined, retired: retired ? '1' : undefined }} />
    </>
  );
}
