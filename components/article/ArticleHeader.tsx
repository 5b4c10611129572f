import type { ArticleView } from '@/lib/articles/types';
import { readingMinutes } from '@/lib/articles/reading-time';
import { Dateline } from '@/components/article/Dateline';
import { Byline } from '@/components/contributors/Byline';

/** Kicker, headline and standfirst. The kicker is a label of its own ("VIDEO"), never glued to the
 * headline text, so the headline reads and indexes as what it is. They take the article's language
 * and direction from the <article>; `site` puts the byline row, in the site's words, back in the
 * site's language when the article's differs. */
export function ArticleHeader({ article, site }: { article: ArticleView; site?: { lang: string; dir: 'ltr' | 'rtl' } }) {
  return (
    <header className="flex flex-col gap-3">
      {article.kicker ? (
        <p className="text-sm font-bold uppercase tracking-wider text-accent" data-testid="kicker">
          {article.kicker}
        </p>
      ) : null}
      <h1 className="font-serif text-3xl font-bold leading-tight sm:text-5xl" data-testid="headline">
        {article.headline}
      </h1>
      {article.standfirst ? <p className="font-serif text-xl text-muted" data-testid="standfirst">{article.standfirst}</p> : null}
      <div className="flex flex-wrap items-baseline gap-x-4 gap-y-1 border-y border-rule py-2" {...site}>
        <Byline entries={article.byline} />
        <Dateline publishedAt={article.publishedAt} modifiedAt={article.modifiedAt} />
        {article.wordCount > 0 ? (
          <p className="text-sm text-muted" data-testid="reading-time">
            {readingMinutes(article.wordCount)} min read
          </p>
        ) : null}
      </div>
    </header>
  );
}
