import Link from 'next/link';
import type { MediaDeleteCheck, MediaUse } from '@/lib/media/usage';

const how: Record<MediaUse['kind'], string> = {
  lead: 'lead media',
  picture: 'picture in the body',
  video: 'video in the body',
  'related-link': 'picture of a related link',
  poster: 'poster of a video',
  'contributor-photo': 'photo of a contributor',
};

/**
 * The confirmation step of deleting media (a page of its own, so it works without script): either the
 * list of what uses it, or a button that deletes it with all its files.
 */
export function MediaDeletePanel({ media, action }: { media: MediaDeleteCheck; action: (form: FormData) => Promise<void> }) {
  return (
    <section aria-labelledby="media-delete-heading" className="mb-6 rounded border border-red-300 p-4" data-testid="media-delete">
      <h2 id="media-delete-heading" className="mb-2 font-serif text-xl font-bold">Delete {media.kind} #{media.id}: {media.label}</h2>
      {media.uses.length ? (
        <>
          <p className="mb-2">It cannot be deleted while these use it:</p>
          <ul className="mb-3 list-disc pl-6" data-testid="media-uses">
            {media.uses.map((use) => (
              <li key={`${use.kind}-${use.articleId ?? use.videoId ?? use.contributorId}`}>
                {use.articleId !== null ? (
                  <Link href={`/admin/articles/${use.articleId}`} className="text-blue-800 underline">{use.headline || `Article #${use.articleId}`}</Link>
                ) : use.contributorId !== undefined ? (
                  <Link href={`/admin/contributors/${use.contributorId}`} className="text-blue-800 underline">{use.headline}</Link>
                ) : (
                  <span>Video #{use.videoId} {use.headline}</span>
                )}{' '}
                ({how[use.kind]})
              </li>
            ))}
          </ul>
          <Link href="/admin/media" className="text-blue-800 underline">Back to the library</Link>
        </>
      ) : (
        <form action={action} className="space-y-2 text-sm">
          <input type="hidden" name="mediaId" value={media.id} />
          <p>No article uses it. Deleting removes it and all its files{media.kind === 'video' ? ' (its poster too)' : ''} for good: it cannot be restored.</p>
          <div className="flex items-center gap-3">
            <button type="submit" className="rounded bg-red-800 px-4 py-1.5 font-semibold text-white">Delete permanently</button>
            <Link href="/admin/media" className="text-blue-800 underline">Cancel</Link>
          </div>
        </form>
      )}
    </section>
  );
}
