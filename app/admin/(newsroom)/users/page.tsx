import type { Metadata } from 'next';
import { createUserAction, setUserDisabledAction, setUserPasswordAction } from '@/app/admin/actions/users';
import { Forbidden } from '@/components/admin/Forbidden';
import { Notice } from '@/components/admin/Notice';
import { UserAdmin } from '@/components/admin/UserAdmin';
import { requirePageUser } from '@/lib/auth/current';
import { can } from '@/lib/auth/roles';
import { listUsers, roles } from '@/lib/users/commands';
import { outcomeQuery, parseSearchParams, type SearchParams } from '@/lib/forms/search-params';

export const metadata: Metadata = { title: 'Users' };

type Props = { searchParams: Promise<SearchParams> };

export default async function UsersPage({ searchParams }: Props) {
  const user = await requirePageUser();
  if (!can(user.role, 'users.manage')) return <Forbidden what="Admins manage accounts." />;
  const query = parseSearchParams(outcomeQuery, await searchParams);
  return (
    <>
      <h1 className="mb-4 font-serif text-3xl font-bold">Users</h1>
      <Notice notice={query.notice} error={query.error} />
      <UserAdmin users={await listUsers()} roles={roles} self={user.email} actions={{ create: createUserAction, setDisabled: setUserDisabledAction, setPassword: setUserPasswordAction }} />
    </>
  );
}
