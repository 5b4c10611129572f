import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { restoreContributorAction, retireContributorAction, updateContributorAction } from '@/app/admin/actions/contributors';
import { ContributorForm } from '@/components/admin/ContributorForm';
import { Forbidden } from '@/components/admin/Forbidden';
import { Notice } from '@/components/admin/Notice';
import { validRecordId } from '@/lib/articles/params';
import { authorPath } from '@/lib/articles/urls';
import { requirePageUser } from '@/lib/auth/current';
import { can } from '@/lib/auth/roles';
import { accountChoices, loadContributorForEdit } from '@/lib/contributors/queries';
import { outcomeQuery, parseSearchParams, type SearchParams } from '@/lib/forms/search-params';
import { mediaOptions } from '@/lib/media/library';

export const metadata: Metadata = { title: 'Contributor' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> };

export default async function ContributorPage({ params, searchParams }: Props) {
  const user = await requirePageUser();
  if (!can(user.role, 'contributors.manage')) return <Forbidden what="Editors and admins manage contributors." />;
  const id = validRecordId((await params).id);
  const contributor = id ? await loadContributorForEdit(id) : null;
  if (!contributor) notFound();
  const query = parseSearchParams(outcomeQuery, await searchParams);
  const [photos, accounts] = await Promise.all([mediaOptions(200, 'image'), accountChoices()]);
  // The current photo is a choice even when it is older than the newest 200.
  if (contributor.photoId !== null && contributor.photo && !photos.some((photo) => photo.id === contributor.photoId)) {
    photos.unshift({ id: contributor.photoId, label: `#${contributor.photoId} image: ${contributor.photo.alt || contributor.photo.path}` });
  }
  return (
    <>
      <div className="mb-4 flex flex-wrap items-baseline gap-x-4">
        <h1 className="font-serif text-3xl font-bold" dir="auto">{contributor.name}</h1>
        <a href={authorPath(contributor.slug)} className="text-blue-800 underline">Author page</a>
        <Link href="/admin/contributors" className="text-blue-800 underline">All contributors</Link>
        {contributor.retired ? <span className="text-sm font-semibold">Retired</span> : null}
      </div>
      <Notice notice={query.notice} error={query.error} />
      <ContributorForm action={updateContributorAction} contributor={contributor} photos={photos} accounts={accounts} />
      <form action={contributor.retired ? restoreContributorAction : retireContributorAction} className="mt-6">
        <input type="hidden" name="id" value={contributor.id} />
        <button type="submit" className="rounded border border-gray-500 px-3 py-2">{contributor.retired ? 'Restore: offer for bylines again' : 'Retire: no longer offer for bylines'}</button>
      </form>
    </>
  );
}
