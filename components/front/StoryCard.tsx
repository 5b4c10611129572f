import { PageLink } from '@/components/site/PageLink';
import type { ArticleCard } from '@/lib/articles/types';
import { formatDay } from '@/lib/format/dates';
import { Picture } from '@/components/media/Picture';
import { VideoMark } from '@/components/front/VideoMark';
import { CardKicker } from '@/components/front/CardKicker';

type StoryCardProps = {
  article: ArticleCard;
  /** Lead stories get a big picture and the standfirst. */
  variant?: 'lead' | 'standard' | 'compact';
  headingLevel?: 'h2' | 'h3';
  priority?: boolean;
};

export function StoryCard({ article, variant = 'standard', headingLevel: Heading = 'h3', priority = false }: StoryCardProps) {
  const showPicture = variant !== 'compact' && article.media;
  return (
    <article data-testid="story-card" data-content-type={article.contentType} className="flex flex-col gap-2">
      {showPicture && article.media ? (
        <PageLink href={article.path} tabIndex={-1} aria-hidden="true">
          <Picture
            media={article.media}
            decorative
            priority={priority}
            sizes={variant === 'lead' ? '(min-width: 1024px) 66vw, 100vw' : '(min-width: 1024px) 25vw, (min-width: 640px) 50vw, 100vw'}
            className="aspect-[4/3] h-auto w-full object-cover"
          />
        </PageLink>
      ) : null}
      <Heading className={variant === 'lead' ? 'font-serif text-3xl font-bold leading-tight sm:text-4xl' : 'font-serif text-lg font-bold leading-snug'}>
        <PageLink href={article.path} className="text-ink hover:text-accent hover:underline">
          {article.contentType === 'video' ? <VideoMark /> : null}
          <CardKicker kicker={article.kicker} isVideo={article.contentType === 'video'} />
          {article.headline}
        </PageLink>
      </Heading>
      {variant === 'lead' && article.standfirst ? <p className="text-lg text-muted">{article.standfirst}</p> : null}
      <p className="text-xs text-muted">
        <time dateTime={article.publishedAt}>{formatDay(article.publishedAt)}</time>
        <span aria-hidden="true"> · </span>
        {article.section.name}
      </p>
    </article>
  );
}
