// /admin/sections: the sections in navigation order, each with its own small forms (plain posts to
// server actions: no script needed, every control a labelled button or field).
import { slugPatternSource } from '@/lib/forms/slug-pattern';
import type { NewsroomSection } from '@/lib/sections/queries';

type Action = (form: FormData) => Promise<void>;
export type SectionActions = { create: Action; rename: Action; move: Action; retire: Action; restore: Action };

const field = 'mt-1 block w-full rounded border border-gray-500 px-2 py-1';
const button = 'rounded border border-gray-700 px-2 py-0.5 hover:bg-gray-100 disabled:border-gray-300 disabled:text-gray-600';

function IdForm({ action, id, children }: { action: Action; id: number; children: React.ReactNode }) {
  return (
    <form action={action} className="inline">
      <input type="hidden" name="id" value={id} />
      {children}
    </form>
  );
}

export function SectionAdmin({ sections, actions }: { sections: NewsroomSection[]; actions: SectionActions }) {
  const shown = sections.filter((section) => !section.retiredAt);
  const retired = sections.filter((section) => section.retiredAt);
  return (
    <>
      <h2 className="mb-2 font-serif text-2xl font-bold">In the navigation</h2>
      {shown.length === 0 ? <p className="mb-6">No section is in the navigation yet: create one below.</p> : (
        <ol className="mb-8 space-y-4" aria-label="Sections in navigation order">
          {shown.map((section, index) => (
            <li key={section.id} className="rounded border border-gray-300 p-3">
              <SectionRow section={section} actions={actions}>
                <IdForm action={actions.move} id={section.id}>
                  <input type="hidden" name="direction" value="up" />
                  <button type="submit" className={button} disabled={index === 0} aria-label={`Move ${section.name} up`}>Move up</button>
                </IdForm>{' '}
                <IdForm action={actions.move} id={section.id}>
                  <input type="hidden" name="direction" value="down" />
                  <button type="submit" className={button} disabled={index === shown.length - 1} aria-label={`Move ${section.name} down`}>Move down</button>
                </IdForm>{' '}
                <IdForm action={actions.retire} id={section.id}>
                  <button type="submit" className={button} aria-label={`Retire ${section.name}`}>Retire</button>
                </IdForm>
              </SectionRow>
            </li>
          ))}
        </ol>
      )}
      {retired.length ? (
        <>
          <h2 className="mb-2 font-serif text-2xl font-bold">Retired</h2>
          <p className="mb-3 text-sm">Out of the navigation, the home page and the sitemaps; their fronts say they are no longer updated, and their articles stay online.</p>
          <ul className="mb-8 space-y-4" aria-label="Retired sections">
            {retired.map((section) => (
              <li key={section.id} className="rounded border border-gray-300 bg-gray-50 p-3">
                <SectionRow section={section} actions={actions}>
                  <IdForm action={actions.restore} id={section.id}>
                    <button type="submit" className={button} aria-label={`Restore ${section.name}`}>Restore</button>
                  </IdForm>
                </SectionRow>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <form action={actions.create} className="grid gap-3 rounded border border-gray-300 p-4 sm:grid-cols-3" aria-labelledby="new-section-heading">
        <h2 id="new-section-heading" className="font-serif text-xl font-bold sm:col-span-3">New section</h2>
        <div>
          <label htmlFor="new-section-name" className="block text-sm font-semibold">Name</label>
          <input id="new-section-name" name="name" required maxLength={80} className={field} />
        </div>
        <div>
          <label htmlFor="new-section-slug" className="block text-sm font-semibold">Address (slug)</label>
          <input id="new-section-slug" name="slug" pattern={slugPatternSource} maxLength={60} aria-describedby="new-section-slug-hint" className={field} />
          <p id="new-section-slug-hint" className="mt-1 text-xs text-gray-700">Leave empty to make it from the name.</p>
        </div>
        <div>
          <label htmlFor="new-section-description" className="block text-sm font-semibold">Description</label>
          <input id="new-section-description" name="description" maxLength={300} className={field} />
        </div>
        <div className="sm:col-span-3">
          <button type="submit" className="rounded bg-ink px-4 py-2 font-semibold text-white">Create section</button>
        </div>
      </form>
    </>
  );
}

function SectionRow({ section, actions, children }: { section: NewsroomSection; actions: SectionActions; children: React.ReactNode }) {
  const id = `section-${section.id}`;
  return (
    <>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 className="font-serif text-lg font-bold">
          {section.name} <a href={`/${section.slug}`} className="ml-1 text-sm font-normal text-blue-800 underline">/{section.slug}</a>
        </h3>
        <div className="text-sm">{children}</div>
      </div>
      <p className="text-sm text-gray-700">
        {section.articleCount} {section.articleCount === 1 ? 'article' : 'articles'}
        {section.oldSlugs.length ? <> · old addresses (301 here): {section.oldSlugs.map((slug) => `/${slug}`).join(', ')}</> : null}
      </p>
      <details className="mt-2">
        <summary className="cursor-pointer text-sm text-blue-800">Rename {section.name}</summary>
        <form action={actions.rename} className="mt-2 grid gap-2 sm:grid-cols-3">
          <input type="hidden" name="id" value={section.id} />
          <div>
            <label htmlFor={`${id}-name`} className="block text-sm font-semibold">Name</label>
            <input id={`${id}-name`} name="name" defaultValue={section.name} required maxLength={80} className={field} />
          </div>
          <div>
            <label htmlFor={`${id}-slug`} className="block text-sm font-semibold">Address (slug)</label>
            <input id={`${id}-slug`} name="slug" defaultValue={section.slug} required pattern={slugPatternSource} maxLength={60} className={field} />
          </div>
          <div>
            <label htmlFor={`${id}-description`} className="block text-sm font-semibold">Description</label>
            <input id={`${id}-description`} name="description" defaultValue={section.description} maxLength={300} className={field} />
          </div>
          <div className="sm:col-span-3">
            <button type="submit" className={button}>Save {section.name}</button>
          </div>
        </form>
      </details>
    </>
  );
}
