import { PageLink } from '@/components/site/PageLink';
import type { SectionRef } from '@/lib/articles/types';
import { sectionPath } from '@/lib/articles/urls';

export function SiteHeader({ siteName, sections }: { siteName: string; sections: SectionRef[] }) {
  return (
    <header className="border-b-4 border-ink">
      <div className="mx-auto flex max-w-6xl flex-wrap items-end justify-between gap-4 px-4 pb-3 pt-5">
        <PageLink href="/" className="font-serif text-4xl font-bold tracking-tight text-ink no-underline sm:text-5xl">
          {siteName}
        </PageLink>
        <form action="/search" method="get" role="search" className="flex items-center gap-2">
          <label htmlFor="site-search" className="sr-only">
            Search articles
          </label>
          <input
            id="site-search"
            name="q"
            type="search"
            placeholder="Search"
            className="w-36 rounded border border-muted px-2 py-1 text-sm sm:w-48"
          />
          <button type="submit" className="rounded bg-ink px-3 py-1 text-sm font-semibold text-white">
            Search
          </button>
        </form>
      </div>
      <nav aria-label="Sections" className="border-t border-rule">
        <ul className="mx-auto flex max-w-6xl flex-wrap gap-x-5 gap-y-1 px-4 py-2 text-sm font-semibold">
          {sections.map((section) => (
            <li key={section.slug}>
              <PageLink href={sectionPath(section.slug)} className="text-ink hover:text-accent hover:underline">
                {section.name}
              </PageLink>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
