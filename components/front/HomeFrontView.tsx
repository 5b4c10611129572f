import type { HomeFront } from '@/lib/articles/queries';
import { config } from '@/lib/config';
import { FrontTop } from '@/components/front/FrontTop';
import { StoryList } from '@/components/front/StoryList';
import { SectionBlock } from '@/components/front/SectionBlock';

/** The home page's body: the public page and the newsroom's preview render the same component. */
export function HomeFrontView({ front }: { front: HomeFront }) {
  return (
    <>
      <h1 className="sr-only">{config.SITE_NAME}: latest news</h1>
      {front.lead ? (
        <div className="mb-10">
          <FrontTop lead={front.lead} top={front.top} />
        </div>
      ) : (
        <p>No stories have been published yet.</p>
      )}
      {front.latest.length ? (
        <section aria-labelledby="latest-heading" className="border-t-2 border-ink pt-3">
          <h2 id="latest-heading" className="mb-4 font-serif text-2xl font-bold">
            Latest
          </h2>
          <StoryList articles={front.latest} headingLevel="h3" priorityCount={front.lead ? 0 : 2} />
        </section>
      ) : null}
      {front.sections.map((block) => (
        <SectionBlock key={block.slug} slug={block.slug} name={block.name} articles={block.articles} />
      ))}
    </>
  );
}
