import type { Metadata } from 'next';
import { deleteMediaAction } from '@/app/admin/actions/media';
import { MediaDeletePanel } from '@/components/admin/MediaDeletePanel';
import { MediaGrid } from '@/components/admin/MediaGrid';
import { MediaUploadForm } from '@/components/admin/MediaUploadForm';
import { Notice } from '@/components/admin/Notice';
import { Pager } from '@/components/admin/Pager';
import { listMediaForAdmin } from '@/lib/articles/admin-queries';
import { requirePageUser } from '@/lib/auth/current';
import { can } from '@/lib/auth/roles';
import { config } from '@/lib/config';
import { checkMediaForDelete } from '@/lib/media/usage';

export const metadata: Metadata = { title: 'Media' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

export default async function MediaPage({ searchParams }: Props) {
  const user = await requirePageUser();
  const query = await searchParams;
  const page = Math.max(1, Math.min(10_000, Number(first(query.page)) || 1));
  const canDelete = can(user.role, 'media.manage');
  const deleteId = Number(first(query.delete));
  const [list, toDelete] = await Promise.all([
    listMediaForAdmin(page),
    canDelete && Number.isInteger(deleteId) && deleteId > 0 && deleteId <= 2_147_483_647 ? checkMediaForDelete(deleteId) : null,
  ]);
  const error = first(query.error);
  const uploaded = Number(first(query.id)) || null;
  return (
    <>
      <h1 className="mb-4 font-serif text-3xl font-bold">Media</h1>
      <Notice notice={first(query.notice)} error={error} />
      {toDelete ? <MediaDeletePanel media={toDelete} action={deleteMediaAction} /> : null}
      <MediaUploadForm maxImage={mb(config.MEDIA_MAX_IMAGE_BYTES)} maxVideo={mb(config.MEDIA_MAX_VIDEO_BYTES)} />
      <h2 className="mb-2 mt-6 font-serif text-xl font-bold">Library ({list.total})</h2>
      <MediaGrid rows={list.rows} highlight={uploaded} canDelete={canDelete} />
      <Pager page={page} pageCount={list.pageCount} basePath="/admin/media" query={{}} />
    </>
  );
}
