import { PageLink } from '@/components/site/PageLink';
import type { ArticleCard } from '@/lib/articles/types';
import { sectionPath } from '@/lib/articles/urls';
import { StoryList } from '@/components/front/StoryList';

export function SectionBlock({ slug, name, articles }: { slug: string; name: string; articles: ArticleCard[] }) {
  const headingId = `section-${slug}`;
  return (
    <section aria-labelledby={headingId} className="mt-12 border-t-2 border-ink pt-3">
      <h2 id={headingId} className="mb-4 font-serif text-2xl font-bold">
        <PageLink href={sectionPath(slug)} className="text-ink hover:text-accent hover:underline">
          {name}
        </PageLink>
      </h2>
      {/* Below home's lead and latest: no picture of a section block is the largest paint, so none is
          preloaded (they competed with the lead picture for a phone's bandwidth: docs/decisions/0025). */}
      <StoryList articles={articles} headingLevel="h3" priorityCount={0} />
    </section>
  );
}
