import type { Metadata } from 'next';
import Link from 'next/link';
import { AdminDate } from '@/components/admin/AdminDate';
import { Forbidden } from '@/components/admin/Forbidden';
import { requirePageUser } from '@/lib/auth/current';
import { can } from '@/lib/auth/roles';
import { listFrontsForNewsroom } from '@/lib/fronts/queries';
import { config } from '@/lib/config';

export const metadata: Metadata = { title: 'Fronts' };

export default async function FrontsPage() {
  const user = await requirePageUser();
  if (!can(user.role, 'fronts.manage')) return <Forbidden what="Editors and admins arrange the fronts." />;
  const fronts = await listFrontsForNewsroom();
  return (
    <>
      <h1 className="mb-2 font-serif text-3xl font-bold">Fronts</h1>
      <p className="mb-4 text-sm text-gray-700">Pin the lead and top stories of the home page and each section front. The newest articles fill the rest.</p>
      <table className="w-full text-left text-sm" data-testid="fronts-table">
        <thead>
          <tr className="border-b border-gray-400">
            <th scope="col" className="py-2 pr-4">Front</th>
            <th scope="col" className="py-2 pr-4">Pinned</th>
            <th scope="col" className="py-2 pr-4">Last arranged</th>
          </tr>
        </thead>
        <tbody>
          {fronts.map((front) => (
            <tr key={front.address} className="border-b border-gray-200">
              <td className="py-2 pr-4">
                <Link href={`/admin/fronts/${front.address}`} className="text-blue-800 underline">{front.name}</Link>{' '}
                <span className="text-gray-700">{front.path}</span>
                {front.retired ? <span className="ml-2 rounded bg-gray-200 px-1 text-xs">retired</span> : null}
              </td>
              <td className="py-2 pr-4">
                {front.pinned ? `${front.pinned} pinned` : 'Newest first'}
                {front.problems ? <span className="ml-2 font-semibold text-red-900">{front.problems === 1 ? '1 slot needs attention' : `${front.problems} slots need attention`}</span> : null}
              </td>
              <td className="py-2 pr-4">{front.updatedAt ? <AdminDate iso={front.updatedAt} timeZone={config.SITE_TIMEZONE} /> : 'Never'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
