import type { Metadata } from 'next';
import { restoreAction } from '@/app/admin/actions/articles';
import { AdminDate } from '@/components/admin/AdminDate';
import { Forbidden } from '@/components/admin/Forbidden';
import { Notice } from '@/components/admin/Notice';
import { listDeletedArticles } from '@/lib/articles/commands/trash';
import { requirePageUser } from '@/lib/auth/current';
import { can } from '@/lib/auth/roles';
import { config } from '@/lib/config';
import { AdminTable } from '@/components/admin/AdminTable';
import { outcomeQuery, parseSearchParams, type SearchParams } from '@/lib/forms/search-params';

export const metadata: Metadata = { title: 'Deleted articles' };

type Props = { searchParams: Promise<SearchParams> };

export default async function TrashPage({ searchParams }: Props) {
  const user = await requirePageUser();
  if (!can(user.role, 'article.delete')) return <Forbidden what="Editors and admins restore deleted articles." />;
  const query = parseSearchParams(outcomeQuery, await searchParams);
  const deleted = await listDeletedArticles();
  return (
    <>
      <h1 className="mb-4 font-serif text-3xl font-bold">Deleted articles</h1>
      <Notice notice={query.notice} error={query.error} />
      {deleted.length === 0 ? <p>Nothing deleted.</p> : (
        <AdminTable caption="Deleted articles, newest first" columns={['Headline', 'Deleted', 'By', 'Restore']}>
            {deleted.map((item) => (
              <tr key={item.articleId} className="border-b border-gray-200">
                <td className="py-2 pr-3">{item.headline}</td>
                <td className="py-2 pr-3"><AdminDate iso={item.deletedAt} timeZone={config.SITE_TIMEZONE} /></td>
                <td className="py-2 pr-3">{item.deletedBy ?? '—'}</td>
                <td className="py-2">
                  <form action={restoreAction}>
                    <input type="hidden" name="articleId" value={item.articleId} />
                    <button type="submit" className="rounded border border-gray-700 px-2 py-0.5" aria-label={`Restore: ${item.headline}`}>Restore</button>
                  </form>
                </td>
              </tr>
            ))}
        </AdminTable>
      )}
    </>
  );
}
