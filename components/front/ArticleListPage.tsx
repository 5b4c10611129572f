import type { ArticlePage } from '@/lib/articles/types';
import { newerPath, olderPath } from '@/lib/articles/urls';
import { StoryList } from '@/components/front/StoryList';
import { Pagination } from '@/components/front/Pagination';

type ArticleListPageProps = {
  /** What the list is: "World", "Topic: Aleppo". */
  title: string;
  description?: string;
  /** The list's first page (/world, /tag/aleppo): older/newer pages hang below it. */
  basePath: string;
  page: ArticlePage;
  /** Older/newer pages say so in their heading. */
  isFirstPage: boolean;
  /** A retired section's front still answers (its links keep working) but says it is not updated. */
  retired?: boolean;
};

export function ArticleListPage({ title, description, basePath, page, isFirstPage, retired = false }: ArticleListPageProps) {
  return (
    <>
      <header className="mb-8 border-b-2 border-ink pb-3">
        <h1 className="font-serif text-4xl font-bold">
          {title}
          {isFirstPage ? null : <span className="ml-3 text-xl font-normal text-muted">earlier stories</span>}
        </h1>
        {description ? <p className="mt-2 text-muted">{description}</p> : null}
        {retired ? (
          <p className="mt-3 rounded border border-gray-400 bg-gray-100 px-3 py-2 text-ink" role="note">
            This section is no longer updated. Its articles stay here; the latest news is on the <a href="/" className="underline">home page</a>.
          </p>
        ) : null}
      </header>
      <StoryList articles={page.articles} />
      <Pagination
        newerHref={page.newerCursor ? newerPath(basePath, page.newerCursor) : isFirstPage ? null : basePath}
        olderHref={page.olderCursor ? olderPath(basePath, page.olderCursor) : null}
      />
    </>
  );
}
