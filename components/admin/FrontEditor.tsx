import { StatusBadge } from '@/components/admin/StatusBadge';
import type { PickerResult } from '@/lib/articles/admin-queries';
import type { NewsroomSlot } from '@/lib/fronts/queries';
import { FRONT_HEADLINE_MAX, FRONT_SLOTS_MAX } from '@/lib/fronts/schema';

type Props = {
  address: string;
  name: string;
  /** True while the arrangement shown differs from the saved one (or may). */
  draft: boolean;
  slots: NewsroomSlot[];
  query: string;
  results: PickerResult[];
  pictures: { id: number; label: string }[];
  save: (form: FormData) => Promise<void>;
};

const button = 'rounded border border-gray-700 px-2 py-1 text-sm disabled:opacity-50';

/**
 * The front being arranged, as one form without JavaScript: every button sends the whole unsaved
 * arrangement (the slots' fields in order) by GET to this page, which applies the button's change
 * (move, remove, pin) and shows the result; Preview sends it to the preview page, Save posts it to
 * the save action. So nothing is saved until the editor says so, and every control is a real button.
 */
export function FrontEditor({ address, name, draft, slots, query, results, pictures, save }: Props) {
  const label = (slot: NewsroomSlot) => slot.article?.headline ?? `article #${slot.articleId ?? '?'}`;
  const pinned = new Set(slots.map((slot) => slot.articleId));
  return (
    <form method="get" action={`/admin/fronts/${address}`} className="space-y-6" aria-label={`Arrange ${name}`}>
      {/* Enter in a text field presses the form's first button: this one, which only shows the result. */}
      <button type="submit" name="op" value="apply" className="sr-only">Apply changes</button>
      <input type="hidden" name="draft" value="1" />
      <input type="hidden" name="front" value={address} />
      {draft ? <p role="status" className="rounded border border-amber-600 bg-amber-50 p-3 text-sm text-amber-950">Unsaved changes: preview them, then save, or discard them.</p> : null}

      <section aria-labelledby="slots-heading">
        <h2 id="slots-heading" className="mb-2 font-serif text-xl font-bold">Pinned slots</h2>
        {slots.length === 0 ? <p className="text-sm text-gray-700">Nothing pinned: the newest articles fill the front.</p> : (
          <ol className="space-y-4" data-testid="front-slots">
            {slots.map((slot, index) => (
              <li key={`${slot.articleId}-${index}`} data-testid="front-slot" className="rounded border border-gray-300 p-3">
                <p className="mb-2 font-semibold">
                  <span>Slot {index + 1} ({index === 0 ? 'lead' : 'top story'}): </span>
                  <span data-testid="front-slot-headline">{label(slot)}</span>{' '}
                  {slot.article ? <><span className="font-normal text-gray-700">({slot.article.section})</span> <StatusBadge status={slot.article.status} /></> : null}
                </p>
                {slot.problem ? (
                  <p role="note" data-testid="front-slot-problem" className="mb-2 rounded border border-red-700 bg-red-50 p-2 text-sm text-red-900">
                    Slot {index + 1}: {slot.problem}. It is not on the public front; the slots after it move up. Remove it or pin another article.
                  </p>
                ) : null}
                <input type="hidden" name="article" value={slot.articleId ?? ''} />
                <div className="grid gap-2 sm:grid-cols-2">
                  <div>
                    <label htmlFor={`headline-${index}`} className="block text-sm font-semibold">Front headline (optional)</label>
                    <input id={`headline-${index}`} name="headline" defaultValue={slot.headline} maxLength={FRONT_HEADLINE_MAX} placeholder={slot.article?.headline ?? ''} className="w-full rounded border border-gray-500 px-2 py-1" />
                  </div>
                  <div>
                    <label htmlFor={`picture-${index}`} className="block text-sm font-semibold">Front picture (optional)</label>
                    <select id={`picture-${index}`} name="picture" defaultValue={slot.mediaId === null ? '' : String(slot.mediaId)} className="w-full rounded border border-gray-500 px-2 py-1">
                      <option value="">The article’s own picture</option>
                      {pictures.map((picture) => <option key={picture.id} value={picture.id}>{picture.label}</option>)}
                    </select>
                  </div>
                </div>
                <div className="mt-2 flex flex-wrap gap-2">
                  <button type="submit" name="op" value={`up:${index}`} className={button} disabled={index === 0} aria-label={`Move up: ${label(slot)}`}>Move up</button>
                  <button type="submit" name="op" value={`down:${index}`} className={button} disabled={index === slots.length - 1} aria-label={`Move down: ${label(slot)}`}>Move down</button>
                  <button type="submit" name="op" value={`remove:${index}`} className={`${button} border-red-800 text-red-900`} aria-label={`Remove: ${label(slot)}`}>Remove</button>
                </div>
              </li>
            ))}
          </ol>
        )}
      </section>

      <section aria-labelledby="pin-heading">
        <h2 id="pin-heading" className="mb-2 font-serif text-xl font-bold">Pin an article</h2>
        <div className="flex gap-2">
          <label htmlFor="front-query" className="sr-only">Words of the headline, or an id</label>
          <input id="front-query" name="q" type="search" defaultValue={query} placeholder="Words of the headline, or an id" className="w-full rounded border border-gray-500 px-2 py-1" />
          <button type="submit" name="op" value="find" className={button}>Find</button>
        </div>
        {query ? (
          results.length ? (
            <ul className="mt-2 space-y-1 text-sm" data-testid="front-results">
              {results.map((result) => (
                <li key={result.id} className="flex items-center justify-between gap-2">
                  <span>{result.headline} <span className="text-gray-700">({result.section})</span> <StatusBadge status={result.status} /></span>
                  <button type="submit" name="op" value={`add:${result.id}`} className={button} disabled={pinned.has(result.id) || slots.length >= FRONT_SLOTS_MAX} aria-label={`Pin: ${result.headline}`}>
                    {pinned.has(result.id) ? 'Pinned' : 'Pin'}
                  </button>
                </li>
              ))}
            </ul>
          ) : <p className="mt-2 text-sm" role="status">No article matches.</p>
        ) : null}
      </section>

      <div className="flex flex-wrap items-center gap-3 border-t border-gray-300 pt-4">
        <button type="submit" formAction={`/admin/fronts/${address}/preview`} className={button}>Preview</button>
        <button type="submit" formAction={save} className="rounded bg-ink px-3 py-1 font-semibold text-white">Save the front</button>
        {draft ? <a href={`/admin/fronts/${address}`} className="text-sm text-blue-800 underline">Discard changes</a> : null}
      </div>
    </form>
  );
}
