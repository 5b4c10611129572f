import type { Metadata } from 'next';
import { getHomeFront } from '@/lib/articles/queries';
import { config } from '@/lib/config';
import { StoryCard } from '@/components/front/StoryCard';
import { StoryList } from '@/components/front/StoryList';
import { SectionBlock } from '@/components/front/SectionBlock';
import { JsonLd } from '@/components/seo/JsonLd';
import { homeMetadata } from '@/lib/seo/metadata';
import { homeJsonLd } from '@/lib/seo/jsonld';

export function generateMetadata(): Metadata {
  return homeMetadata();
}

export default async function HomePage() {
  const front = await getHomeFront();
  return (
    <>
      <JsonLd data={homeJsonLd()} />
      <h1 className="sr-only">{config.SITE_NAME}: latest news</h1>
      {front.lead ? (
        <section aria-label="Top story" className="mb-10">
          <StoryCard article={front.lead} variant="lead" headingLevel="h2" priority />
        </section>
      ) : (
        <p>No stories have been published yet.</p>
      )}
      {front.latest.length ? (
        <section aria-labelledby="latest-heading" className="border-t-2 border-ink pt-3">
          <h2 id="latest-heading" className="mb-4 font-serif text-2xl font-bold">
            Latest
          </h2>
          <StoryList articles={front.latest} headingLevel="h3" />
        </section>
      ) : null}
      {front.sections.map((block) => (
        <SectionBlock key={block.slug} slug={block.slug} name={block.name} articles={block.articles} />
      ))}
    </>
  );
}
