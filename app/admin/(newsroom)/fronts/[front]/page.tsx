import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { saveFrontAction } from '@/app/admin/actions/fronts';
import { FrontEditor } from '@/components/admin/FrontEditor';
import { Forbidden } from '@/components/admin/Forbidden';
import { Notice } from '@/components/admin/Notice';
import { findArticlesToRelate } from '@/lib/articles/admin-queries';
import { requirePageUser } from '@/lib/auth/current';
import { can } from '@/lib/auth/roles';
import { outcomeQuery, parseSearchParams, type SearchParams } from '@/lib/forms/search-params';
import { readEditorState } from '@/lib/fronts/editor-state';
import { findFront, frontPictureOptions, loadNewsroomSlots } from '@/lib/fronts/queries';
import { frontAddressSchema } from '@/lib/fronts/schema';

export const metadata: Metadata = { title: 'Arrange a front' };

type Props = { params: Promise<{ front: string }>; searchParams: Promise<SearchParams> };

export default async function FrontPage({ params, searchParams }: Props) {
  const user = await requirePageUser();
  if (!can(user.role, 'fronts.manage')) return <Forbidden what="Editors and admins arrange the fronts." />;
  const address = frontAddressSchema.safeParse((await params).front);
  const front = address.success ? await findFront(address.data) : null;
  if (!front) notFound();
  const query = await searchParams;
  const outcome = parseSearchParams(outcomeQuery, query);
  const saved = await loadNewsroomSlots(front.key);
  const state = readEditorState(front.address, query, () => saved.flatMap((slot) => (slot.articleId === null ? [] : [{ articleId: slot.articleId, headline: slot.headline, mediaId: slot.mediaId }])));
  // The saved slots keep their flags (an emptied slot included); an unsaved arrangement is loaded afresh.
  const [slots, results, pictures] = await Promise.all([
    state.draft ? loadNewsroomSlots(front.key, state.slots) : Promise.resolve(saved),
    findArticlesToRelate(state.query, 0, user),
    frontPictureOptions(),
  ]);
  return (
    <>
      <p className="mb-2 text-sm"><Link href="/admin/fronts" className="text-blue-800 underline">Fronts</Link></p>
      <h1 className="mb-1 font-serif text-3xl font-bold">{front.name}</h1>
      <p className="mb-4 text-sm text-gray-700">
        Public page: <a href={front.path} className="text-blue-800 underline">{front.path}</a>. Slot 1 is the lead; the newest articles fill the rest of the front.
      </p>
      <Notice notice={outcome.notice} error={outcome.error} />
      {state.problem ? <p role="alert" className="mb-4 rounded border border-red-700 bg-red-50 p-3 text-sm text-red-900">{state.problem}</p> : null}
      <FrontEditor address={front.address} name={front.name} draft={state.draft} slots={slots} query={state.query} results={results} pictures={pictures} save={saveFrontAction} />
    </>
  );
}
