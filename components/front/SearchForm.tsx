export function SearchForm({ query }: { query: string }) {
  return (
    <form action="/search" method="get" role="search" className="mb-8 flex flex-wrap gap-2">
      <label htmlFor="search-query" className="w-full font-semibold">
        Search articles
      </label>
      <input id="search-query" name="q" type="search" defaultValue={query} maxLength={200} className="min-w-0 flex-1 rounded border border-muted px-3 py-2" />
      <button type="submit" className="rounded bg-ink px-4 py-2 font-semibold text-white">
        Search
      </button>
    </form>
  );
}
