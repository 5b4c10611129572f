import type { ArticleCard } from '@/lib/articles/types';
import { StoryCard } from '@/components/front/StoryCard';

/** `priorityCount`: how many first pictures load first (0 when a lead above them is the largest paint). */
export function StoryList({ articles, headingLevel = 'h2', priorityCount = 2 }: { articles: ArticleCard[]; headingLevel?: 'h2' | 'h3'; priorityCount?: number }) {
  return (
    <ul className="grid gap-8 sm:grid-cols-2 lg:grid-cols-4">
      {articles.map((article, index) => (
        <li key={article.id}>
          <StoryCard article={article} headingLevel={headingLevel} priority={index < priorityCount} />
        </li>
      ))}
    </ul>
  );
}
