import type { Option } from '@/lib/articles/admin-queries';

type Values = { status?: string; section?: number; author?: number; q?: string };

/** The list's filters: a plain GET form, so every filtered list has its own address. */
export function ArticleFilters({ values, sections, authors, statuses }: { values: Values; sections: Option[]; authors: Option[]; statuses: readonly string[] }) {
  const field = 'mt-1 block w-full rounded border border-gray-500 px-2 py-1.5';
  return (
    <form method="get" action="/admin/articles" role="search" aria-label="Filter articles" className="mb-4 grid gap-3 sm:grid-cols-5 sm:items-end">
      <div className="sm:col-span-2">
        <label htmlFor="filter-q" className="text-sm font-semibold">Headline, kicker, slug or id</label>
        <input id="filter-q" name="q" type="search" defaultValue={values.q ?? ''} className={field} />
      </div>
      <div>
        <label htmlFor="filter-status" className="text-sm font-semibold">Status</label>
        <select id="filter-status" name="status" defaultValue={values.status ?? ''} className={field}>
          <option value="">Any</option>
          {statuses.map((status) => <option key={status} value={status}>{status}</option>)}
        </select>
      </div>
      <div>
        <label htmlFor="filter-section" className="text-sm font-semibold">Section</label>
        <select id="filter-section" name="section" defaultValue={values.section ?? ''} className={field}>
          <option value="">Any</option>
          {sections.map((section) => <option key={section.id} value={section.id}>{section.label}</option>)}
        </select>
      </div>
      <div>
        <label htmlFor="filter-author" className="text-sm font-semibold">Author</label>
        <select id="filter-author" name="author" defaultValue={values.author ?? ''} className={field}>
          <option value="">Any</option>
          {authors.map((author) => <option key={author.id} value={author.id}>{author.label}</option>)}
        </select>
      </div>
      <div className="sm:col-span-5">
        <button type="submit" className="rounded bg-ink px-4 py-1.5 text-sm font-semibold text-white">Filter</button>
      </div>
    </form>
  );
}
