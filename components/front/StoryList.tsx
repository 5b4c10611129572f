import type { ArticleCard } from '@/lib/articles/types';
import { StoryCard } from '@/components/front/StoryCard';

export function StoryList({ articles, headingLevel = 'h2' }: { articles: ArticleCard[]; headingLevel?: 'h2' | 'h3' }) {
  return (
    <ul className="grid gap-8 sm:grid-cols-2 lg:grid-cols-4">
      {articles.map((article, index) => (
        <li key={article.id}>
          <StoryCard article={article} headingLevel={headingLevel} priority={index < 2} />
        </li>
      ))}
    </ul>
  );
}
