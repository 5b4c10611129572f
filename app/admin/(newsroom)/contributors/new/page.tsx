import type { Metadata } from 'next';
import { createContributorAction } from '@/app/admin/actions/contributors';
import { ContributorForm } from '@/components/admin/ContributorForm';
import { Forbidden } from '@/components/admin/Forbidden';
import { Notice } from '@/components/admin/Notice';
import { requirePageUser } from '@/lib/auth/current';
import { can } from '@/lib/auth/roles';
import { accountChoices } from '@/lib/contributors/queries';
import { outcomeQuery, parseSearchParams, type SearchParams } from '@/lib/forms/search-params';
import { mediaOptions } from '@/lib/media/library';

export const metadata: Metadata = { title: 'New contributor' };

export default async function NewContributorPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requirePageUser();
  if (!can(user.role, 'contributors.manage')) return <Forbidden what="Editors and admins manage contributors." />;
  const query = parseSearchParams(outcomeQuery, await searchParams);
  const [photos, accounts] = await Promise.all([mediaOptions(200, 'image'), accountChoices()]);
  return (
    <>
      <h1 className="mb-4 font-serif text-3xl font-bold">New contributor</h1>
      <Notice notice={query.notice} error={query.error} />
      <ContributorForm action={createContributorAction} contributor={null} photos={photos} accounts={accounts} />
    </>
  );
}
