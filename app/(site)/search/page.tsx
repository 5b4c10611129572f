import type { Metadata } from 'next';
import { searchArticles } from '@/lib/search';
import { searchParams as searchParamsSchema, MAX_SEARCH_PAGE } from '@/lib/search/query';
import { SearchForm } from '@/components/front/SearchForm';
import { SearchResultsList } from '@/components/front/SearchResultsList';
import { searchMetadata } from '@/lib/seo/metadata';
import { parseSearchParams, type SearchParams } from '@/lib/forms/search-params';

type Props = { searchParams: Promise<SearchParams> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { q } = parseSearchParams(searchParamsSchema, await searchParams);
  return searchMetadata(q);
}

export default async function SearchPage({ searchParams }: Props) {
  const { q, page } = parseSearchParams(searchParamsSchema, await searchParams);
  const results = q ? await searchArticles(q, Math.min(page, MAX_SEARCH_PAGE)) : null;
  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="mb-6 font-serif text-4xl font-bold">Search</h1>
      <SearchForm query={q} />
      {results ? <SearchResultsList results={results} /> : <p>Type a word or two to search every published article.</p>}
    </div>
  );
}
