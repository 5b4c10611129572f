import type { Metadata } from 'next';
import { AdminDate } from '@/components/admin/AdminDate';
import { Forbidden } from '@/components/admin/Forbidden';
import { Pager } from '@/components/admin/Pager';
import { auditListParams, auditPageSize, listAudit } from '@/lib/audit/log';
import { requirePageUser } from '@/lib/auth/current';
import { can } from '@/lib/auth/roles';
import { config } from '@/lib/config';
import { AdminTable } from '@/components/admin/AdminTable';
import { parseSearchParams, type SearchParams } from '@/lib/forms/search-params';

export const metadata: Metadata = { title: 'Audit log' };

type Props = { searchParams: Promise<SearchParams> };

export default async function AuditPage({ searchParams }: Props) {
  const user = await requirePageUser();
  if (!can(user.role, 'audit.read')) return <Forbidden what="Editors and admins read the audit log." />;
  const { page, action } = parseSearchParams(auditListParams, await searchParams);
  const { rows, total } = await listAudit(page, { action });
  return (
    <>
      <h1 className="mb-4 font-serif text-3xl font-bold">Audit log</h1>
      <p className="mb-2 text-sm">{total} entries. Sign-ins and who published, unpublished, deleted or restored what.</p>
      <AdminTable caption="Audit entries, newest first" columns={['When', 'Who', 'What', 'Target', 'Detail', 'Address']}>
          {rows.map((row) => (
            <tr key={row.id} className="border-b border-gray-200 align-top" data-testid="audit-row">
              <td className="py-1 pr-3"><AdminDate iso={row.at} timeZone={config.SITE_TIMEZONE} /></td>
              <td className="py-1 pr-3">{row.actor ?? '—'}</td>
              <td className="py-1 pr-3">{row.action}</td>
              <td className="py-1 pr-3">{row.targetType ? `${row.targetType} ${row.targetId}` : ''}</td>
              <td className="max-w-xs break-words py-1 pr-3">{row.detail}</td>
              <td className="py-1">{row.ip}</td>
            </tr>
          ))}
      </AdminTable>
      <Pager page={page} pageCount={Math.max(1, Math.ceil(total / auditPageSize))} basePath="/admin/audit" query={{ action }} />
    </>
  );
}
