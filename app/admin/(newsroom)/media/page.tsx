import type { Metadata } from 'next';
import { deleteMediaAction } from '@/app/admin/actions/media';
import { MediaDeletePanel } from '@/components/admin/MediaDeletePanel';
import { MediaGrid } from '@/components/admin/MediaGrid';
import { MediaUploadForm } from '@/components/admin/MediaUploadForm';
import { Notice } from '@/components/admin/Notice';
import { Pager } from '@/components/admin/Pager';
import { listMediaForAdmin, mediaLibraryParams } from '@/lib/media/library';
import { requirePageUser } from '@/lib/auth/current';
import { can } from '@/lib/auth/roles';
import { config } from '@/lib/config';
import { checkMediaForDelete } from '@/lib/media/usage';
import { parseSearchParams, type SearchParams } from '@/lib/forms/search-params';

export const metadata: Metadata = { title: 'Media' };

type Props = { searchParams: Promise<SearchParams> };
const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

export default async function MediaPage({ searchParams }: Props) {
  const user = await requirePageUser();
  const query = parseSearchParams(mediaLibraryParams, await searchParams);
  const canDelete = can(user.role, 'media.manage');
  const [list, toDelete] = await Promise.all([
    listMediaForAdmin(query.page),
    canDelete && query.delete ? checkMediaForDelete(query.delete) : null,
  ]);
  return (
    <>
      <h1 className="mb-4 font-serif text-3xl font-bold">Media</h1>
      <Notice notice={query.notice} error={query.error} />
      {toDelete ? <MediaDeletePanel media={toDelete} action={deleteMediaAction} /> : null}
      <MediaUploadForm maxImage={mb(config.MEDIA_MAX_IMAGE_BYTES)} maxVideo={mb(config.MEDIA_MAX_VIDEO_BYTES)} />
      <h2 className="mb-2 mt-6 font-serif text-xl font-bold">Library ({list.total})</h2>
      <MediaGrid rows={list.rows} highlight={query.id ?? null} canDelete={canDelete} />
      <Pager page={query.page} pageCount={list.pageCount} basePath="/admin/media" query={{}} />
    </>
  );
}
