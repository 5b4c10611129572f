import type { ArticleCard } from '@/lib/articles/types';
import { Picture } from '@/components/media/Picture';

/** Another Lede article, inline: a link with its picture, kicker and headline. `article` is there
 * only when that article is public (lib/articles/body-cards.ts readBodyCards); otherwise nothing renders. */
export function ArticleCardBlock({ article }: { article: ArticleCard | undefined }) {
  if (!article) return null;
  return (
    <div className="not-prose my-6 border-y border-rule py-3" data-testid="article-card">
      <a href={article.path} className="flex items-center gap-4 text-ink hover:text-accent">
        {article.media ? (
          <Picture media={article.media} decorative sizes="8rem" className="aspect-[4/3] h-auto w-32 shrink-0 object-cover" />
        ) : null}
        <span className="flex flex-col" dir="auto">
          {article.kicker ? <span className="text-xs font-bold uppercase tracking-wider text-accent">{article.kicker}</span> : null}
          <span className="font-serif text-lg font-bold leading-snug">{article.headline}</span>
        </span>
      </a>
    </div>
  );
}
