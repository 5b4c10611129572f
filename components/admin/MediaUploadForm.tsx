/** A plain multipart form to the upload route: works without script, and for files of any size. */
export function MediaUploadForm({ maxImage, maxVideo }: { maxImage: string; maxVideo: string }) {
  const field = 'mt-1 block w-full rounded border border-gray-500 px-2 py-1';
  return (
    <form method="post" action="/api/admin/media" encType="multipart/form-data" className="grid gap-3 rounded border border-gray-300 p-4 sm:grid-cols-2" aria-labelledby="upload-heading">
      <h2 id="upload-heading" className="font-serif text-xl font-bold sm:col-span-2">Upload</h2>
      <div>
        <label htmlFor="media-file" className="block text-sm font-semibold">Image or video</label>
        <input id="media-file" name="file" type="file" required accept="image/jpeg,image/png,image/gif,image/webp,image/avif,video/mp4,video/webm" className={field} aria-describedby="media-file-hint" />
        <p id="media-file-hint" className="mt-1 text-xs text-gray-700">Images up to {maxImage}, videos up to {maxVideo}. The type is checked from the file itself.</p>
      </div>
      <div>
        <label htmlFor="media-alt" className="block text-sm font-semibold">Alt text (required for images)</label>
        <input id="media-alt" name="alt" maxLength={500} className={field} aria-describedby="media-alt-hint" />
        <p id="media-alt-hint" className="mt-1 text-xs text-gray-700">What the picture shows, for readers who cannot see it.</p>
      </div>
      <div>
        <label htmlFor="media-caption" className="block text-sm font-semibold">Caption</label>
        <input id="media-caption" name="caption" maxLength={1000} className={field} />
      </div>
      <div>
        <label htmlFor="media-credit" className="block text-sm font-semibold">Credit</label>
        <input id="media-credit" name="credit" maxLength={200} className={field} />
      </div>
      <div>
        <label htmlFor="media-poster" className="block text-sm font-semibold">Poster image (required for videos)</label>
        <input id="media-poster" name="poster" type="file" accept="image/jpeg,image/png,image/webp,image/avif" className={field} />
      </div>
      <div>
        <label htmlFor="media-poster-alt" className="block text-sm font-semibold">Poster alt text</label>
        <input id="media-poster-alt" name="posterAlt" maxLength={500} className={field} />
      </div>
      <div className="sm:col-span-2">
        <button type="submit" className="rounded bg-accent px-4 py-2 font-semibold text-white">Upload</button>
      </div>
    </form>
  );
}
