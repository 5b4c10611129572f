import { RelatedLinkCard } from '@/components/article/RelatedLinkCard';
import { StatusBadge } from '@/components/admin/StatusBadge';
import type { AdminRelatedLink, PickerResult } from '@/lib/articles/admin-queries';

type Action = (form: FormData) => Promise<void>;

type Props = {
  articleId: number;
  links: AdminRelatedLink[];
  query: string;
  results: PickerResult[];
  pictures: { id: number; label: string }[];
  actions: { addArticle: Action; addUrl: Action; move: Action; remove: Action };
};

const button = 'rounded border border-gray-700 px-2 py-1 text-sm';

/** The related list as readers will see it, with buttons to reorder and remove, and two ways to add. */
export function RelatedLinksEditor({ articleId, links, query, results, pictures, actions }: Props) {
  const hidden = <input type="hidden" name="articleId" value={articleId} />;
  return (
    <section id="related" aria-labelledby="related-editor-heading" className="rounded border border-gray-300 p-4">
      <h2 id="related-editor-heading" className="mb-3 font-serif text-xl font-bold">Related links</h2>
      {links.length === 0 ? <p className="mb-3 text-sm text-gray-700">No related links yet.</p> : (
        <ol className="mb-4 space-y-4" data-testid="related-editor-list">
          {links.map((link, index) => (
            <li key={link.id} className="grid gap-3 border-b border-gray-200 pb-3 sm:grid-cols-[12rem_1fr]" data-testid="related-editor-item">
              {link.view ? (
                <ul className="list-none">
                  <RelatedLinkCard link={link.view} />
                </ul>
              ) : (
                <p className="text-sm"><span className="font-semibold">{link.label}</span><br /><span className="text-amber-900">{link.note}</span></p>
              )}
              <div className="flex flex-wrap items-start gap-2">
                <span className="sr-only">Position {index + 1} of {links.length}: {link.label}</span>
                <form action={actions.move}>
                  {hidden}
                  <input type="hidden" name="linkId" value={link.id} />
                  <input type="hidden" name="direction" value="up" />
                  <button type="submit" className={button} disabled={index === 0} aria-label={`Move up: ${link.label}`}>Move up</button>
                </form>
                <form action={actions.move}>
                  {hidden}
                  <input type="hidden" name="linkId" value={link.id} />
                  <input type="hidden" name="direction" value="down" />
                  <button type="submit" className={button} disabled={index === links.length - 1} aria-label={`Move down: ${link.label}`}>Move down</button>
                </form>
                <form action={actions.remove}>
                  {hidden}
                  <input type="hidden" name="linkId" value={link.id} />
                  <button type="submit" className={`${button} border-red-800 text-red-900`} aria-label={`Remove: ${link.label}`}>Remove</button>
                </form>
              </div>
            </li>
          ))}
        </ol>
      )}

      <div className="grid gap-6 lg:grid-cols-2">
        <div>
          <h3 className="mb-1 font-semibold">Add an article</h3>
          <form method="get" action={`/admin/articles/${articleId}`} role="search" aria-label="Find articles to relate" className="flex gap-2">
            <label htmlFor="related-query" className="sr-only">Words of the headline, or an id</label>
            <input id="related-query" name="relatedQuery" type="search" dir="auto" defaultValue={query} placeholder="Words of the headline, or an id" className="w-full rounded border border-gray-500 px-2 py-1" />
            <button type="submit" className={button}>Find</button>
          </form>
          {query ? (
            results.length ? (
              <ul className="mt-2 space-y-1 text-sm" data-testid="related-results">
                {results.map((result) => (
                  <li key={result.id} className="flex items-center justify-between gap-2">
                    <span>{result.headline} <span className="text-gray-700">({result.section})</span> <StatusBadge status={result.status} /></span>
                    <form action={actions.addArticle}>
                      {hidden}
                      <input type="hidden" name="targetArticleId" value={result.id} />
                      <button type="submit" className={button} aria-label={`Add: ${result.headline}`}>Add</button>
                    </form>
                  </li>
                ))}
              </ul>
            ) : <p className="mt-2 text-sm" role="status">No article matches.</p>
          ) : null}
        </div>
        <form action={actions.addUrl} className="space-y-2 text-sm">
          <h3 className="font-semibold">Add an external page</h3>
          {hidden}
          <div>
            <label htmlFor="related-url" className="block font-semibold">Address</label>
            <input id="related-url" name="url" type="url" required placeholder="https://" className="w-full rounded border border-gray-500 px-2 py-1" />
          </div>
          <div>
            <label htmlFor="related-title" className="block font-semibold">Title</label>
            <input id="related-title" name="title" dir="auto" required maxLength={300} className="w-full rounded border border-gray-500 px-2 py-1" />
          </div>
          <div>
            <label htmlFor="related-kicker" className="block font-semibold">Kicker</label>
            <input id="related-kicker" name="kicker" dir="auto" maxLength={100} className="w-full rounded border border-gray-500 px-2 py-1" />
          </div>
          <div className="grid grid-cols-2 gap-2">
            <div>
              <label htmlFor="related-type" className="block font-semibold">Type</label>
              <select id="related-type" name="contentType" className="w-full rounded border border-gray-500 px-2 py-1">
                <option value="text">Text</option>
                <option value="video">Video</option>
              </select>
            </div>
            <div>
              <label htmlFor="related-picture" className="block font-semibold">Picture</label>
              <select id="related-picture" name="mediaId" className="w-full rounded border border-gray-500 px-2 py-1">
                <option value="">None</option>
                {pictures.map((picture) => <option key={picture.id} value={picture.id}>{picture.label}</option>)}
              </select>
            </div>
          </div>
          <button type="submit" className={button}>Add link</button>
        </form>
      </div>
    </section>
  );
}
