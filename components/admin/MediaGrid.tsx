import Link from 'next/link';
import type { MediaRowForAdmin } from '@/lib/media/library';

/** `canDelete`: offer each item's delete confirmation (editors and admins). */
export function MediaGrid({ rows, highlight, canDelete = false }: { rows: MediaRowForAdmin[]; highlight: number | null; canDelete?: boolean }) {
  if (rows.length === 0) return <p>No media yet.</p>;
  return (
    <ul className="grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-4" data-testid="media-grid">
      {rows.map((row) => (
        <li key={row.id} className={`rounded border p-2 text-sm ${row.id === highlight ? 'border-green-800 ring-2 ring-green-800' : 'border-gray-300'}`} data-testid="media-item" data-media-id={row.id}>
          {row.thumbUrl ? (
            // eslint-disable-next-line @next/next/no-img-element -- a plain thumbnail in the admin, no optimiser needed
            <img src={row.thumbUrl} alt={row.alt} width={row.width ?? undefined} height={row.height ?? undefined} loading="lazy" className="aspect-[4/3] h-auto w-full object-cover" />
          ) : null}
          <p className="mt-1 font-semibold">#{row.id} {row.kind === 'video' ? 'Video' : 'Image'}</p>
          <p className="break-words">{row.alt || <span className="text-gray-700">(no alt text)</span>}</p>
          <p className="text-xs text-gray-700">{row.mimeType}{row.width ? `, ${row.width}×${row.height}` : ''}</p>
          {canDelete ? (
            <Link href={`/admin/media?delete=${row.id}#media-delete-heading`} className="text-xs text-red-800 underline" aria-label={`Delete ${row.kind} #${row.id}`}>Delete…</Link>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
