import type { Metadata } from 'next';
import { MediaGrid } from '@/components/admin/MediaGrid';
import { MediaUploadForm } from '@/components/admin/MediaUploadForm';
import { Notice } from '@/components/admin/Notice';
import { Pager } from '@/components/admin/Pager';
import { listMediaForAdmin } from '@/lib/articles/admin-queries';
import { requirePageUser } from '@/lib/auth/current';
import { config } from '@/lib/config';

export const metadata: Metadata = { title: 'Media' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

export default async function MediaPage({ searchParams }: Props) {
  await requirePageUser();
  const query = await searchParams;
  const page = Math.max(1, Math.min(10_000, Number(first(query.page)) || 1));
  const list = await listMediaForAdmin(page);
  const uploaded = Number(first(query.id)) || null;
  return (
    <>
      <h1 className="mb-4 font-serif text-3xl font-bold">Media</h1>
      <Notice notice={first(query.notice)} error={first(query.error)} />
      <MediaUploadForm maxImage={mb(config.MEDIA_MAX_IMAGE_BYTES)} maxVideo={mb(config.MEDIA_MAX_VIDEO_BYTES)} />
      <h2 className="mb-2 mt-6 font-serif text-xl font-bold">Library ({list.total})</h2>
      <MediaGrid rows={list.rows} highlight={uploaded} />
      <Pager page={page} pageCount={list.pageCount} basePath="/admin/media" query={{}} />
    </>
  );
}
