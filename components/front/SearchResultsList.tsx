import { PageLink } from '@/components/site/PageLink';
import type { SearchResults } from '@/lib/search/types';
import { searchPath } from '@/lib/articles/urls';
import { formatDay } from '@/lib/format/dates';
import { VideoMark } from '@/components/front/VideoMark';
import { CardKicker } from '@/components/front/CardKicker';

export function SearchResultsList({ results }: { results: SearchResults }) {
  if (results.timedOut) {
    return (
      <p data-testid="search-results" role="status">
        Searching for “{results.query}” took too long. Try more words, or longer ones.
      </p>
    );
  }
  if (results.total === 0) {
    return <p data-testid="search-results">No articles match “{results.query}”.</p>;
  }
  return (
    <>
      <p className="mb-4 text-muted" role="status">
        {results.totalCapped ? 'More than ' : ''}
        {results.total.toLocaleString('en')} {results.total === 1 ? 'article matches' : 'articles match'} “{results.query}”.
      </p>
      <ol data-testid="search-results" className="flex flex-col gap-6">
        {results.hits.map((hit) => (
          <li key={hit.id} data-testid="story-card" className="border-b border-rule pb-4">
            <h2 className="font-serif text-xl font-bold">
              <PageLink href={hit.path} className="text-ink hover:text-accent hover:underline">
                {hit.contentType === 'video' ? <VideoMark /> : null}
                <CardKicker kicker={hit.kicker} isVideo={hit.contentType === 'video'} />
                {hit.headline}
              </PageLink>
            </h2>
            {/* The snippet is escaped text with <mark> around matches (lib/search/query.ts). */}
            <p className="mt-1 text-sm [&_mark]:bg-yellow-200" dangerouslySetInnerHTML={{ __html: hit.snippet }} />
            <p className="mt-1 text-xs text-muted">
              <time dateTime={hit.publishedAt}>{formatDay(hit.publishedAt)}</time> · {hit.section.name}
            </p>
          </li>
        ))}
      </ol>
      {results.pageCount > 1 ? (
        <nav aria-label="Pagination" data-testid="pagination" className="mt-8 flex justify-between font-semibold">
          {results.page > 1 ? (
            <PageLink href={searchPath(results.query, results.page - 1)} rel="prev" className="underline">
              ← Previous results
            </PageLink>
          ) : (
            <span />
          )}
          <span className="text-muted">
            Page {results.page} of {results.pageCount}
          </span>
          {results.page < results.pageCount ? (
            <PageLink href={searchPath(results.query, results.page + 1)} rel="next" className="underline">
              More results →
            </PageLink>
          ) : (
            <span />
          )}
        </nav>
      ) : null}
    </>
  );
}
