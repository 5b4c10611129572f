import type { Metadata } from 'next';
import { createSectionAction, moveSectionAction, renameSectionAction, restoreSectionAction, retireSectionAction } from '@/app/admin/actions/sections';
import { Forbidden } from '@/components/admin/Forbidden';
import { Notice } from '@/components/admin/Notice';
import { SectionAdmin } from '@/components/admin/SectionAdmin';
import { requirePageUser } from '@/lib/auth/current';
import { can } from '@/lib/auth/roles';
import { outcomeQuery, parseSearchParams, type SearchParams } from '@/lib/forms/search-params';
import { listSectionsForNewsroom } from '@/lib/sections/queries';

export const metadata: Metadata = { title: 'Sections' };

type Props = { searchParams: Promise<SearchParams> };

export default async function SectionsPage({ searchParams }: Props) {
  const user = await requirePageUser();
  if (!can(user.role, 'sections.manage')) return <Forbidden what="Editors and admins manage sections." />;
  const query = parseSearchParams(outcomeQuery, await searchParams);
  return (
    <>
      <h1 className="mb-4 font-serif text-3xl font-bold">Sections</h1>
      <Notice notice={query.notice} error={query.error} />
      <SectionAdmin
        sections={await listSectionsForNewsroom()}
        actions={{ create: createSectionAction, rename: renameSectionAction, move: moveSectionAction, retire: retireSectionAction, restore: restoreSectionAction }}
      />
    </>
  );
}
