import Link from 'next/link';
import type { AdminArticleRow } from '@/lib/articles/admin-queries';
import { AdminDate } from '@/components/admin/AdminDate';
import { StatusBadge } from '@/components/admin/StatusBadge';
import { AdminTable } from '@/components/admin/AdminTable';

export function ArticleTable({ rows, timeZone }: { rows: AdminArticleRow[]; timeZone: string }) {
  if (rows.length === 0) return <p>No articles match.</p>;
  return (
    <div className="overflow-x-auto">
      <AdminTable caption="Articles, most recently changed first" columns={['Headline', 'Status', 'Section', 'Author', 'Published', 'Changed']}>
          {rows.map((row) => (
            <tr key={row.id} className="border-b border-gray-200" data-testid="admin-article-row">
              <td className="py-2 pr-3">
                {row.kicker ? <span className="mr-1 text-xs font-bold uppercase text-accent">{row.kicker}</span> : null}
                <Link href={`/admin/articles/${row.id}`} className="font-semibold text-blue-800 hover:underline">{row.headline}</Link>
                {row.breaking ? <span className="ml-2 rounded bg-accent px-1.5 text-xs font-bold text-white">BREAKING</span> : null}
              </td>
              <td className="py-2 pr-3"><StatusBadge status={row.status} /></td>
              <td className="py-2 pr-3">{row.section}</td>
              <td className="py-2 pr-3">{row.author ?? '—'}</td>
              <td className="py-2 pr-3"><AdminDate iso={row.publishedAt} timeZone={timeZone} /></td>
              <td className="py-2"><AdminDate iso={row.updatedAt} timeZone={timeZone} /></td>
            </tr>
          ))}
      </AdminTable>
    </div>
  );
}
