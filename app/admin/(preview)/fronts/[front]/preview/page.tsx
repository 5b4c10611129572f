import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { saveFrontAction } from '@/app/admin/actions/fronts';
import { FrontPreviewBar } from '@/components/admin/FrontPreviewBar';
import { Forbidden } from '@/components/admin/Forbidden';
import { HomeFrontView } from '@/components/front/HomeFrontView';
import { SectionFrontView } from '@/components/front/SectionFrontView';
import { SiteChrome } from '@/components/site/SiteChrome';
import { loadHomeFront, loadSectionFront } from '@/lib/articles/queries';
import { requirePageUser } from '@/lib/auth/current';
import { can } from '@/lib/auth/roles';
import type { SearchParams } from '@/lib/forms/search-params';
import { readEditorState } from '@/lib/fronts/editor-state';
import { findFront } from '@/lib/fronts/queries';
import { arrangementQuery, frontAddressSchema } from '@/lib/fronts/schema';

export const metadata: Metadata = { title: 'Preview of a front', robots: { index: false, follow: false, nocache: true } };

type Props = { params: Promise<{ front: string }>; searchParams: Promise<SearchParams> };

// The front as readers would see it with the unsaved arrangement in the query: the public page's own
// components in the public chrome, loaded uncached (the admin layout makes every page dynamic, and
// the loaders here are the uncached ones). Editors only.
export default async function FrontPreviewPage({ params, searchParams }: Props) {
  const user = await requirePageUser();
  if (!can(user.role, 'fronts.manage')) return <Forbidden what="Editors and admins arrange the fronts." />;
  const address = frontAddressSchema.safeParse((await params).front);
  const front = address.success ? await findFront(address.data) : null;
  if (!front) notFound();
  const state = readEditorState(front.address, { ...(await searchParams), draft: '1' }, () => []);
  const body = front.sectionId === null ? <HomeFrontView front={await loadHomeFront(state.slots)} /> : await sectionView(front.address, state.slots);
  const query = arrangementQuery(state.slots);
  query.set('draft', '1');
  return (
    <>
      <FrontPreviewBar>
        <Link href={`/admin/fronts/${front.address}?${query}`} className="underline">Back to arranging</Link>
        {state.problem ? <span role="alert" className="ml-3 text-red-900">{state.problem}</span> : (
        <form action={saveFrontAction} className="ml-3 inline">
          <input type="hidden" name="front" value={front.address} />
          {state.slots.map((slot, index) => (
            <span key={index}>
              <input type="hidden" name="article" value={slot.articleId} />
              <input type="hidden" name="headline" value={slot.headline} />
              <input type="hidden" name="picture" value={slot.mediaId ?? ''} />
            </span>
          ))}
          <button type="submit" className="rounded bg-black px-2 py-0.5 text-white">Save the front</button>
        </form>
        )}
      </FrontPreviewBar>
      <SiteChrome>{body}</SiteChrome>
    </>
  );
}

async function sectionView(slug: string, slots: Parameters<typeof loadSectionFront>[3]) {
  const front = await loadSectionFront(slug, null, 'older', slots);
  if (!front) notFound();
  return <SectionFrontView front={front} />;
}
