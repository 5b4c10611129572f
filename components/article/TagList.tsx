import { PageLink } from '@/components/site/PageLink';
import type { TagRef } from '@/lib/articles/types';
import { tagPath } from '@/lib/articles/urls';

export function TagList({ tags }: { tags: TagRef[] }) {
  return (
    <nav aria-label="Topics" className="mt-8">
      <h2 className="mb-2 text-sm font-bold uppercase tracking-wide text-muted">Topics</h2>
      <ul className="flex flex-wrap gap-2" data-testid="tags">
        {tags.map((tag) => (
          <li key={tag.slug}>
            <PageLink href={tagPath(tag.slug)} className="inline-block rounded-full border border-ink px-3 py-1 text-sm text-ink hover:bg-ink hover:text-white">
              {tag.name}
            </PageLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
